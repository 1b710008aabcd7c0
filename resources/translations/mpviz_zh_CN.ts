<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Card</name>
    <message>
        <source>held by: </source>
        <translation>持有者：</translation>
    </message>
    <message>
        <source>blocked on it: </source>
        <translation>阻塞在此的进程：</translation>
    </message>
    <message>
        <source>items, oldest first: </source>
        <translation>队列中的数据项（最早的在前）：</translation>
    </message>
    <message>
        <source>sent the other way: </source>
        <translation>反方向发送的：</translation>
    </message>
    <message>
        <source>cannot exit until their queued data is read: </source>
        <translation>在其放入队列的数据被读取前无法退出：</translation>
    </message>
</context>
<context>
    <name>EventCard</name>
    <message>
        <source>flag set</source>
        <translation>标志已设置</translation>
    </message>
    <message>
        <source>flag clear</source>
        <translation>标志未设置</translation>
    </message>
    <message>
        <source>set: wait() returns at once</source>
        <translation>已设置：wait() 立即返回</translation>
    </message>
    <message>
        <source>not set: wait() blocks</source>
        <translation>未设置：wait() 会阻塞</translation>
    </message>
    <message>
        <source>waiting:</source>
        <translation>等待中：</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>LockCard</name>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>held</source>
        <translation>已被持有</translation>
    </message>
    <message>
        <source>held by</source>
        <translation>持有者</translation>
    </message>
    <message>
        <source> — owner died</source>
        <translation> — 持有者已退出</translation>
    </message>
    <message>
        <source>waiting:</source>
        <translation>等待中：</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>NumberCard</name>
    <message>
        <source>%1 numbers</source>
        <translation>%1 个数</translation>
    </message>
    <message>
        <source>shared number</source>
        <translation>共享值</translation>
    </message>
    <message>
        <source>written by</source>
        <translation>写入者</translation>
    </message>
    <message>
        <source>last written by</source>
        <translation>最后写入者</translation>
    </message>
    <message>
        <source>last read by</source>
        <translation>最后读取者</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>lost update: %1 wrote %2 over %3's %4</source>
        <translation>丢失的更新：%1 写入 %2，覆盖了 %3 写入的 %4</translation>
    </message>
    <message>
        <source>%1 lost updates, the last: %2 wrote %3 over %4's %5</source>
        <translation>丢失了 %1 次更新，最近一次：%2 写入 %3，覆盖了 %4 写入的 %5</translation>
    </message>
    <message>
        <source>lost update in %1: %2 wrote %3 over %4's %5</source>
        <translation>%1 中丢失的更新：%2 写入 %3，覆盖了 %4 写入的 %5</translation>
    </message>
    <message>
        <source>%1 lost updates, the last in %2: %3 wrote %4 over %5's %6</source>
        <translation>丢失了 %1 次更新，最近一次在 %2：%3 写入 %4，覆盖了 %5 写入的 %6</translation>
    </message>
</context>
<context>
    <name>PipeCard</name>
    <message>
        <source>%1 + %2 messages unread</source>
        <translation>%1 + %2 条消息未读</translation>
    </message>
    <message>
        <source>%1 of %2 bytes in the buffer</source>
        <translation>缓冲区中有 %1 / %2 字节</translation>
    </message>
    <message>
        <source>no message in flight</source>
        <translation>没有传输中的消息</translation>
    </message>
    <message>
        <source>blocked:</source>
        <translation>阻塞：</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>PoolCard</name>
    <message>
        <source>%1 of %2 workers busy</source>
        <translation>%1 / %2 个工作进程忙碌</translation>
    </message>
    <message>
        <source>runs %1</source>
        <translation>正在运行 %1</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>(worker exited)</source>
        <translation>（工作进程已退出）</translation>
    </message>
    <message>
        <source>(worker not started)</source>
        <translation>（工作进程未启动）</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>ProgramCheck</name>
    <message>
        <source>lib2to3 did not answer: %1</source>
        <translation>lib2to3 没有响应：%1</translation>
    </message>
    <message>
        <source>%1. Open a program that exists (File ▸ Open Python program…).</source>
        <translation>%1。请打开一个存在的程序（文件 ▸ 打开 Python 程序…）。</translation>
    </message>
    <message>
        <source>%1. Install python3, or choose another interpreter in the Python field.</source>
        <translation>%1。请安装 python3，或在“Python”一栏中选择其他解释器。</translation>
    </message>
    <message>
        <source>%1. Reinstall mpviz.</source>
        <translation>%1。请重新安装 mpviz。</translation>
    </message>
    <message>
        <source>%1. Fix that line, save, and press Run again.</source>
        <translation>%1。请修改这一行，保存后再按“运行”。</translation>
    </message>
    <message>
        <source>%1. mpviz can run a copy converted by lib2to3; your file is not changed.</source>
        <translation>%1。mpviz 可以运行一份由 lib2to3 转换过的副本，你的文件不会被改动。</translation>
    </message>
    <message>
        <source>lib2to3 failed: %1</source>
        <translation>lib2to3 转换失败：%1</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>QueueCard</name>
    <message>
        <source>%1 of %2 items</source>
        <translation>%1 / %2 项</translation>
    </message>
    <message>
        <source>1 item (no maxsize)</source>
        <translation>1 项（无 maxsize）</translation>
    </message>
    <message>
        <source>%1 items (no maxsize)</source>
        <translation>%1 项（无 maxsize）</translation>
    </message>
    <message>
        <source>, %1 unfinished</source>
        <translation>，%1 项未完成</translation>
    </message>
    <message>
        <source>cannot exit, data stuck in the pipe:</source>
        <translation>无法退出，数据卡在管道中：</translation>
    </message>
    <message>
        <source>blocked in put (full):</source>
        <translation>阻塞在 put（队列已满）：</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>blocked in get (empty):</source>
        <translation>阻塞在 get（队列为空）：</translation>
    </message>
</context>
<context>
    <name>SemaphoreCard</name>
    <message>
        <source>%1 of %2 permits free</source>
        <translation>%1 / %2 个许可可用</translation>
    </message>
    <message>
        <source>free</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>waiting:</source>
        <translation>等待中：</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Start the lesson as real processes</source>
        <translation>以真实的进程运行本课</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Freeze the view; the processes keep running and every event is still recorded</source>
        <translation>冻结画面；进程继续运行，每个事件仍会被记录</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Kill every process of the run and clean up</source>
        <translation>结束本次运行的所有进程并清理</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Stop and run the lesson again from the start</source>
        <translation>停止并从头重新运行本课</translation>
    </message>
    <message>
        <source>Open Python program…</source>
        <translation>打开 Python 程序…</translation>
    </message>
    <message>
        <source>Run your own multiprocessing program (a .py file) as real processes</source>
        <translation>以真实的进程运行你自己的 multiprocessing 程序（.py 文件）</translation>
    </message>
    <message>
        <source>Open trace…</source>
        <translation>打开跟踪文件…</translation>
    </message>
    <message>
        <source>Replay a saved run (no process is started)</source>
        <translation>回放保存的运行（不会启动任何进程）</translation>
    </message>
    <message>
        <source>Save trace…</source>
        <translation>保存跟踪文件…</translation>
    </message>
    <message>
        <source>Save this run as a trace file (Chrome trace JSON; opens in Perfetto too)</source>
        <translation>将本次运行保存为跟踪文件（Chrome trace JSON，也可在 Perfetto 中打开）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the timeline as PNG, SVG or PDF</source>
        <translation>将时间线保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Stop any run and close mpviz</source>
        <translation>停止正在进行的运行并关闭 mpviz</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Show a shorter stretch of time</source>
        <translation>显示更短的时间段</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Show a longer stretch of time</source>
        <translation>显示更长的时间段</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole run (and follow it while it runs)</source>
        <translation>显示整个运行过程（运行中时跟随）</translation>
    </message>
    <message>
        <source>Follow now</source>
        <translation>跟随当前</translation>
    </message>
    <message>
        <source>Keep the live “now” line in view; clears the playhead</source>
        <translation>让实时的“当前”线保持可见；清除播放头</translation>
    </message>
    <message>
        <source>Previous event</source>
        <translation>上一个事件</translation>
    </message>
    <message>
        <source>Select the event before the selected one</source>
        <translation>选择所选事件之前的事件</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>下一个事件</translation>
    </message>
    <message>
        <source>Select the event after the selected one</source>
        <translation>选择所选事件之后的事件</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>Full screen, larger text and a caption that explains what happens</source>
        <translation>全屏、更大的文字，以及解说正在发生什么的字幕</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>深色主题</translation>
    </message>
    <message>
        <source>Light text on a dark background</source>
        <translation>深色背景上的浅色文字</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>How to run lessons and your own programs, step them and export</source>
        <translation>如何运行课程和你自己的程序、单步执行以及导出</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Every key the window knows, from its menus</source>
        <translation>窗口菜单中的所有快捷键</translation>
    </message>
    <message>
        <source>About mpviz</source>
        <translation>关于 mpviz</translation>
    </message>
    <message>
        <source>What mpviz is</source>
        <translation>mpviz 是什么</translation>
    </message>
    <message>
        <source>Run N times…</source>
        <translation>运行 N 次…</translation>
    </message>
    <message>
        <source>Run it many times in the background and count how the runs end: a lost update's distribution, a deadlock's odds</source>
        <translation>在后台运行很多次，统计各次运行如何结束：丢失更新的分布、死锁的概率</translation>
    </message>
    <message>
        <source>Held locks and permits</source>
        <translation>持有的锁与许可</translation>
    </message>
    <message>
        <source>A band under each lane for every stretch the process holds a lock or a semaphore permit</source>
        <translation>进程持有锁或信号量许可的每一段时间，在其泳道下画一条色带</translation>
    </message>
    <message>
        <source>Counter charts</source>
        <translation>计数图</translation>
    </message>
    <message>
        <source>Permits free, queue lengths and shared values over time, under the lanes</source>
        <translation>在泳道下方显示空闲许可数、队列长度和共享值随时间的变化</translation>
    </message>
</context>
<context>
    <name>explain</name>
    <message>
        <source>another process</source>
        <translation>另一个进程</translation>
    </message>
    <message>
        <source>it</source>
        <translation>它</translation>
    </message>
    <message>
        <source>%1 waits in join for %2</source>
        <translation>%1 在 join 中等待 %2</translation>
    </message>
    <message>
        <source>%1 cannot exit until its %3 queued bytes are read, and only %2 would read them</source>
        <translation>%1 要等它放入队列的 %3 字节被读走才能退出，而只有 %2 会读取它们</translation>
    </message>
    <message>
        <source>%1 cannot exit until its queued bytes are read, and only %2 would read them</source>
        <translation>%1 要等它放入队列的字节被读走才能退出，而只有 %2 会读取它们</translation>
    </message>
    <message>
        <source>%1 waits for %3, which %2 holds</source>
        <translation>%1 等待 %3，而它被 %2 持有</translation>
    </message>
    <message>
        <source>%1 waits for an item on %3, and only %2 could put one</source>
        <translation>%1 等待 %3 中的数据项，而只有 %2 能放入</translation>
    </message>
    <message>
        <source>%1 waits for room in %3, and only %2 could take an item</source>
        <translation>%1 等待 %3 腾出空间，而只有 %2 能取出数据项</translation>
    </message>
    <message>
        <source>%1 waits for a message on %3, and only %2 could send one</source>
        <translation>%1 等待 %3 上的消息，而只有 %2 能发送</translation>
    </message>
    <message>
        <source>%1 waits for room in %3, and only %2 could read</source>
        <translation>%1 等待 %3 腾出空间，而只有 %2 能读取</translation>
    </message>
    <message>
        <source>%1 waits for %3 to be set, and only %2 could set it</source>
        <translation>%1 等待 %3 被设置，而只有 %2 能设置它</translation>
    </message>
    <message>
        <source>%1 waits in %3.join() for task_done() from %2</source>
        <translation>%1 在 %3.join() 中等待 %2 调用 task_done()</translation>
    </message>
    <message>
        <source>%1 waits in %3 for %2</source>
        <translation>%1 在 %3 中等待 %2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>every process is blocked and none can wake the others</source>
        <translation>所有进程都被阻塞，谁也无法唤醒其他进程</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <source>%1 is blocked: it waits for %2 to end</source>
        <translation>%1 被阻塞：它在等待 %2 结束</translation>
    </message>
    <message>
        <source>%1 is blocked: the semaphore %2 has no permits left</source>
        <translation>%1 被阻塞：信号量 %2 已没有剩余的许可</translation>
    </message>
    <message>
        <source>%1 is blocked: %2 is held by another process</source>
        <translation>%1 被阻塞：%2 被另一个进程持有</translation>
    </message>
    <message>
        <source>%1 is blocked: %2 is empty</source>
        <translation>%1 被阻塞：%2 是空的</translation>
    </message>
    <message>
        <source>%1 is blocked: %2 is full</source>
        <translation>%1 被阻塞：%2 已满</translation>
    </message>
    <message>
        <source>%1 is blocked: nothing has been sent on %2 yet</source>
        <translation>%1 被阻塞：%2 上还没有发送任何数据</translation>
    </message>
    <message>
        <source>%1 is blocked: %2's buffer is full</source>
        <translation>%1 被阻塞：%2 的缓冲区已满</translation>
    </message>
    <message>
        <source>%1 is blocked: it waits for %2 to be set</source>
        <translation>%1 被阻塞：它在等待 %2 被设置</translation>
    </message>
    <message>
        <source>%1 is blocked: it waits until every item of %2 is done</source>
        <translation>%1 被阻塞：它在等待 %2 中的每个数据项都处理完毕</translation>
    </message>
    <message>
        <source>%1 is blocked: its queued items have not all been read from %2</source>
        <translation>%1 被阻塞：它放入 %2 的数据还没有全部被读走</translation>
    </message>
    <message>
        <source>%1 is blocked: %2 %3</source>
        <translation>%1 被阻塞：%2 %3</translation>
    </message>
</context>
<context>
    <name>lesson</name>
    <message>
        <source>Deadlock: joining before reading the queue</source>
        <translation>死锁：先 join 后读取队列</translation>
    </message>
    <message>
        <source>The child puts one big item (a million 'X's) on 'queue' and returns, but it cannot exit yet: a process that put data on a Queue first waits until its feeder thread has pushed all of it into the underlying pipe, and a pipe holds only about 64 KiB until someone reads. MainProcess calls join() before get(): it waits for the child to exit while the child waits for MainProcess to read. Both stay blocked forever; mpviz finds the cycle, reports a deadlock and stops the run. Set fixed=true to get first and join second. Or make bytes smaller than the pipe buffer: up to 65,514 characters, which pickled with their length header fill its 65,536 bytes, the wrong order then happens to work, which is how this bug slips through small tests.</source>
        <translation>子进程向 'queue' 放入一个大数据项（一百万个 'X'）后返回，但它还不能退出：向 Queue 放入过数据的进程，要先等它的 feeder 线程把数据全部写进底层管道，而管道在有人读取之前只能容纳约 64 KiB。主进程 MainProcess 在 get() 之前调用了 join()：它等待子进程退出，而子进程在等待主进程读取。两者都永远阻塞；mpviz 找到这个等待环，报告死锁并停止运行。设置 fixed=true 则先 get 后 join。或者把 bytes 设得比管道缓冲区小：不超过 65,514 个字符时，连同长度头一起序列化后正好填满 65,536 字节，错误的顺序也碰巧能运行——这个 bug 正是这样在小规模测试中溜过去的。</translation>
    </message>
    <message>
        <source>size of the item the child puts (above 65514 it no longer fits the pipe)</source>
        <translation>子进程放入的数据项大小（超过 65514 就放不进管道了）</translation>
    </message>
    <message>
        <source>get the item before joining the child</source>
        <translation>先取出数据项，再 join 子进程</translation>
    </message>
    <message>
        <source>Event: wait until someone sets the flag</source>
        <translation>事件 Event：等待有人设置标志</translation>
    </message>
    <message>
        <source>Every waiter starts blocked on wait of 'event' (flag 0). MainProcess says it needs 8 s and sets the flag: all waiters wake together - set wakes everyone, and the flag stays up until someone clears it. Each sleeps 1 s, prints the flag and clears it; the first to clear wins, so the others may already print False. Then they wait again. Process-1 (and every odd one) waits with no timeout and stays blocked until MainProcess sets the flag a second time, 8 s later. Process-2 (every even one) waits only `timeout` seconds: watch its wait end early with result false and the line 'time's up'. Make timeout longer than 7 s and the second set reaches it too. The tutorial's race is kept: a waiter that starts only after the others cleared the flag misses the first set.</source>
        <translation>每个等待者一开始都阻塞在 'event' 的 wait 上（标志为 0）。主进程 MainProcess 说它需要 8 秒，然后设置标志：所有等待者同时被唤醒——set 会唤醒所有人，标志会一直保持，直到有人清除它。每个等待者睡眠 1 秒，打印标志并清除它；最先清除的获胜，所以其他进程可能已经打印出 False。然后它们再次等待。Process-1（以及所有奇数编号的进程）不带超时地等待，一直阻塞到 8 秒后主进程第二次设置标志。Process-2（所有偶数编号的进程）只等待 `timeout` 秒：观察它的 wait 提前结束，结果为 false，并打印 'time's up'。把 timeout 设得比 7 秒长，第二次 set 也能唤醒它。教程中的竞争条件保留了下来：一个在其他进程清除标志之后才开始的等待者会错过第一次 set。</translation>
    </message>
    <message>
        <source>how many processes wait (odd ones forever, even ones with a timeout)</source>
        <translation>等待的进程数（奇数号永远等待，偶数号带超时）</translation>
    </message>
    <message>
        <source>seconds the even waiters wait the second time before giving up</source>
        <translation>偶数号等待者第二次等待多少秒后放弃</translation>
    </message>
    <message>
        <source>Process: start, join, daemon, exit codes</source>
        <translation>进程 Process：start、join、守护进程与退出码</translation>
    </message>
    <message>
        <source>Two children start together: 'daemon' sleeps 2 s, 'non-daemon' is done at once. MainProcess joins the daemon with a 1 s timeout: watch its join end after one second while the daemon is still sleeping (d.is_alive() True) - a timeout stops the waiting, not the child. Then five short processes show the exit codes, which join collects: sys.exit(1) gives 1, returning (with or without a value) gives 0, an uncaught exception gives 1, and 'terminated' gives -15: its parent sends SIGTERM right after starting it, usually before its target even begins, so it seldom gets as far as its sleep. Last, MainProcess reaches its end with the daemon still asleep: a daemon never holds the program up, it is terminated and never prints 'Exiting', where a non-daemon child would have been waited for.</source>
        <translation>两个子进程同时启动：'daemon' 睡眠 2 秒，'non-daemon' 立即完成。主进程 MainProcess 以 1 秒超时 join 守护进程：观察它的 join 在一秒后结束，而守护进程仍在睡眠（d.is_alive() 为 True）——超时结束的是等待，而不是子进程。接着五个短小的进程展示由 join 收集的退出码：sys.exit(1) 得到 1，正常返回（无论有没有返回值）得到 0，未捕获的异常得到 1，'terminated' 得到 -15：它的父进程在启动它之后立刻发送 SIGTERM，通常在它的目标函数开始之前，所以它很少能执行到 sleep。最后，主进程运行到结尾时守护进程仍在睡眠：守护进程从不拖住程序，它会被终止，永远不会打印 'Exiting'；而非守护的子进程则会被等待。</translation>
    </message>
    <message>
        <source>Lock: one writer at a time</source>
        <translation>锁 Lock：一次只有一个写入者</translation>
    </message>
    <message>
        <source>Each taskN prints four timestamped lines, one a second. With use_lock each worker holds 'lock' for its whole loop: on the timeline one process runs while the others sit blocked on acquire, and the output comes in clean blocks of four, taking workers x 4 s. Which waiter gets the lock next is up to the OS, not the start order. Set use_lock=false and all run at once: the lines interleave and the run takes 4 s - harmless for prints, but a file or a shared value written this way gets mixed up. MainProcess never joins; watch it reach its end and still wait for its children, as Python does for non-daemon processes.</source>
        <translation>每个 taskN 打印四行带时间戳的输出，每秒一行。开启 use_lock 时，每个工作进程在整个循环期间都持有 'lock'：在时间线上，一个进程运行时其他进程阻塞在 acquire 上，输出以四行为一组整齐出现，总共耗时 workers x 4 秒。下一个获得锁的是哪个等待者由操作系统决定，而不是启动顺序。设置 use_lock=false，所有进程同时运行：各行交错出现，运行只需 4 秒——对 print 无害，但以这种方式写入的文件或共享值会被弄乱。主进程 MainProcess 从不调用 join；观察它运行到结尾后仍然等待它的子进程，这正是 Python 对非守护进程的做法。</translation>
    </message>
    <message>
        <source>how many task processes print</source>
        <translation>打印输出的任务进程数</translation>
    </message>
    <message>
        <source>hold the lock around each task's loop (false: lines interleave)</source>
        <translation>在每个任务的循环外持有锁（false：各行交错）</translation>
    </message>
    <message>
        <source>Deadlock: two locks, opposite order</source>
        <translation>死锁：两把锁，相反的顺序</translation>
    </message>
    <message>
        <source>Process-1 takes lock_a then lock_b; Process-2 takes lock_b then lock_a. Each gets its first lock, sleeps 0.5 s, then asks for the other one: both are blocked on acquire, each holding the lock the other wants, and MainProcess is blocked joining them. Nothing can ever move again; mpviz finds the cycle (Process-1 waits for Process-2's lock_b, Process-2 for Process-1's lock_a), reports a deadlock and stops the run. With ordered=true both take lock_a first: the second one blocks on lock_a while holding nothing, so the first can take lock_b, finish and release, and the run always completes. One agreed order for all locks is the standard cure.</source>
        <translation>Process-1 先获取 lock_a 再获取 lock_b；Process-2 先获取 lock_b 再获取 lock_a。每个进程拿到第一把锁后睡眠 0.5 秒，然后请求另一把：两者都阻塞在 acquire 上，各自持有对方想要的锁，而主进程 MainProcess 阻塞在 join 它们上。谁也无法再前进；mpviz 找到这个等待环（Process-1 等待 Process-2 持有的 lock_b，Process-2 等待 Process-1 持有的 lock_a），报告死锁并停止运行。设置 ordered=true 后两者都先获取 lock_a：第二个进程在什么都没持有时阻塞在 lock_a 上，于是第一个进程可以获取 lock_b、完成并释放，运行总能结束。所有锁按同一个约定的顺序获取，是避免死锁的标准办法。</translation>
    </message>
    <message>
        <source>both processes take lock_a before lock_b (no deadlock)</source>
        <translation>两个进程都先获取 lock_a 再获取 lock_b（不会死锁）</translation>
    </message>
    <message>
        <source>Pipe: two ends, both ways</source>
        <translation>管道 Pipe：两端，双向</translation>
    </message>
    <message>
        <source>Pipe() returns two connected ends, here duplex: each end can send and receive. Process-1 sends all its messages at once - send does not wait for the reader while the pipe has room, watch the byte count of 'conn1, conn2' rise - then sleeps 2 s. Process-2 is blocked on recv until each message arrives, reads them all, sleeps 1 s and answers over the same pipe in the other direction; Process-1 finds the answers waiting when it wakes and its recv no longer blocks. Give each end to one process: two processes reading one end at the same time can tear messages apart. (The tutorial passes the same function to both processes by mistake; this is the program it meant.)</source>
        <translation>Pipe() 返回两个相连的端点，这里是双工的：每一端都能发送和接收。Process-1 一次发出它的全部消息——管道还有空间时 send 不会等待读取方，观察 'conn1, conn2' 的字节数上升——然后睡眠 2 秒。Process-2 阻塞在 recv 上直到每条消息到达，读完全部消息，睡眠 1 秒，再通过同一个管道反向回复；Process-1 醒来时发现回复已在等它，它的 recv 不再阻塞。每一端只交给一个进程：两个进程同时读同一端可能把消息撕碎。（教程误把同一个函数传给了两个进程；这里是它本来想写的程序。）</translation>
    </message>
    <message>
        <source>how many messages each side sends</source>
        <translation>每一方发送的消息数</translation>
    </message>
    <message>
        <source>Pool: a fixed team of workers</source>
        <translation>进程池 Pool：一支固定的工作进程团队</translation>
    </message>
    <message>
        <source>Pool(3) starts three worker processes once and feeds them tasks through a queue. The apply_async calls all return at once - watch MainProcess submit every task without waiting - but only three squares run at a time: each worker takes the next task as soon as it is free, so ten 3-second tasks take four rounds (12 s) instead of 30 s, done by the same three pids. close() says no more tasks are coming; join() waits until the workers have emptied the queue and exited. The results list comes back in submission order, whatever order the tasks finished in.</source>
        <translation>Pool(3) 一次性启动三个工作进程，并通过队列给它们分派任务。apply_async 调用全部立即返回——观察主进程 MainProcess 不等待地提交每个任务——但同一时间只有三个 square 在运行：每个工作进程一空闲就取下一个任务，所以十个 3 秒的任务需要四轮（12 秒）而不是 30 秒，全部由同样的三个 pid 完成。close() 表示不会再有新任务；join() 等待工作进程清空队列并退出。结果列表按提交顺序返回，与任务完成的顺序无关。</translation>
    </message>
    <message>
        <source>how many worker processes the pool keeps</source>
        <translation>进程池保持的工作进程数</translation>
    </message>
    <message>
        <source>how many square(i) tasks are submitted, 3 s each</source>
        <translation>提交的 square(i) 任务数，每个 3 秒</translation>
    </message>
    <message>
        <source>Queue: producer and consumers</source>
        <translation>队列 Queue：生产者与消费者</translation>
    </message>
    <message>
        <source>how many items the queue holds before put blocks</source>
        <translation>put 阻塞之前队列能容纳的数据项数</translation>
    </message>
    <message>
        <source>how many ice-lollies the producer makes, one a second</source>
        <translation>生产者做的冰棍数，每秒一根</translation>
    </message>
    <message>
        <source>how many consumer processes, 5 s per item each</source>
        <translation>消费者进程数，每项各需 5 秒</translation>
    </message>
    <message>
        <source>Semaphore: at most N at once</source>
        <translation>信号量 Semaphore：同时最多 N 个</translation>
    </message>
    <message>
        <source>how many processes want a permit</source>
        <translation>想要获取许可的进程数</translation>
    </message>
    <message>
        <source>the semaphore's initial value: how many may hold it at once</source>
        <translation>信号量的初始值：同时最多可以有多少个持有者</translation>
    </message>
    <message>
        <source>seconds each worker keeps its permit</source>
        <translation>每个工作进程持有许可的秒数</translation>
    </message>
    <message>
        <source>Value: shared memory and lost updates</source>
        <translation>共享值 Value：共享内存与丢失的更新</translation>
    </message>
    <message>
        <source>how many processes add to v</source>
        <translation>对 v 做加法的进程数</translation>
    </message>
    <message>
        <source>how many times each worker adds 1, 0.1 s apart</source>
        <translation>每个工作进程加 1 的次数，间隔 0.1 秒</translation>
    </message>
    <message>
        <source>hold the lock around each worker's loop (false: updates get lost)</source>
        <translation>在每个工作进程的循环外持有锁（false：更新会丢失）</translation>
    </message>
    <message>
        <source>Process-1 makes an ice-lolly a second; each consumer takes one and needs 5 s to eat it. Watch the 'queue' card (and the 'queue' track under the lanes, its length over time) fill up to maxsize: from then on the producer is blocked on put until a consumer takes one, so the fast producer is held to the consumers' pace (back-pressure), while an empty queue blocks consumers on get. More consumers drain it faster. When the producer is done, MainProcess puts one poison pill (None) per consumer behind the remaining items; a consumer that gets one prints 'Exiting' and leaves its loop. queue.join() blocks MainProcess until every item, pills included, has had its task_done().</source>
        <translation>Process-1 每秒做一根冰棍；每个消费者取走一根，要花 5 秒吃完。观察 'queue' 卡片（以及进程行下方的 'queue' 轨道，即它的长度随时间的变化）被填满到 maxsize：从此生产者阻塞在 put 上，直到有消费者取走一根，于是快速的生产者被拖到消费者的节奏（背压），而空队列会让消费者阻塞在 get 上。消费者越多，队列清空得越快。生产者完成后，主进程 MainProcess 在剩余数据项之后为每个消费者放入一颗“毒丸”（None）；取到毒丸的消费者打印 'Exiting' 并退出循环。queue.join() 让主进程一直阻塞，直到每个数据项（包括毒丸）都调用过 task_done()。</translation>
    </message>
    <message>
        <source>The semaphore 'sem' starts with `permits` permits; its card counts the permits free, one fewer at each acquire and one more at each release, and the 'sem' track under the lanes charts that count over time; a band under a worker's bar shows it holding a permit. Only that many workers are ever between 'acquired' and 'released': the rest are blocked on acquire until a holder releases, so the workers go through in waves of `permits`, each `hold` seconds long. A Lock is the special case permits=1; with permits &gt;= workers nobody waits at all. This is how a program caps the use of a scarce resource, such as connections to a database.</source>
        <translation>信号量 'sem' 初始有 `permits` 个许可；它的卡片显示可用的许可数，每次 acquire 减一，每次 release 加一，进程行下方的 'sem' 轨道画出这个数随时间的变化；工作进程的条下方的一条带表示它持有一个许可。任何时候处于 'acquired' 与 'released' 之间的工作进程都不会超过这个数：其余的阻塞在 acquire 上，直到有持有者释放，因此工作进程以每批 `permits` 个、每批 `hold` 秒的节奏通过。锁 Lock 是 permits=1 的特例；当 permits &gt;= workers 时，谁也不用等待。程序正是这样限制稀缺资源（例如数据库连接）的使用的。</translation>
    </message>
    <message>
        <source>'v' lives in shared memory, so every worker sees the same number, and each `v.value += 1` is two steps: a read, then a write (both show on the timeline and on the 'v' card; the 'v' track under the lanes charts the number). With use_lock each worker holds 'lock' for its whole loop: the others are blocked on acquire, the workers take turns and the final value is exactly workers x increments. Set use_lock=false and they run together: if one reads between another's read and write, both write the same number and an increment is lost, so the final value falls short of the expected one. In run mode the window is tiny and losses are rare; in step mode, grant a read to each worker before either writes and you lose one every time: the write that erases the other's is ringed 'lost update' on the timeline and named on the 'v' card.</source>
        <translation>'v' 位于共享内存中，所以每个工作进程看到的是同一个数，而每次 `v.value += 1` 分两步：先读，再写（两步都显示在时间线和 'v' 卡片上；进程行下方的 'v' 轨道画出这个数）。开启 use_lock 时，每个工作进程在整个循环期间持有 'lock'：其他进程阻塞在 acquire 上，工作进程轮流执行，最终值恰好是 workers x increments。设置 use_lock=false 后它们一起运行：如果一个进程在另一个进程的读和写之间读取，两者会写入同一个数，一次加一就丢失了，于是最终值小于预期。在运行模式下这个时间窗口很小，丢失很少见；在单步模式下，让每个工作进程都先读、再让任何一个写，每次都会丢失一次更新：抹掉对方那次写入的写入会在时间线上被圈出并标为“丢失的更新”，并在 'v' 卡片上写明。</translation>
    </message>
</context>
<context>
    <name>listing</name>
    <message>
        <source>read first: now the child can finish and exit</source>
        <translation>先读取：这样子进程才能结束并退出</translation>
    </message>
    <message>
        <source>this deadlocks: the child waits for a reader</source>
        <translation>这里会死锁：子进程在等待读取者</translation>
    </message>
    <message>
        <source>blocks until the flag is set</source>
        <translation>阻塞，直到标志被设置</translation>
    </message>
    <message>
        <source>so that the next wait() blocks again</source>
        <translation>这样下一次 wait() 会再次阻塞</translation>
    </message>
    <message>
        <source>False when the timeout passes first</source>
        <translation>如果先超时则返回 False</translation>
    </message>
    <message>
        <source>wakes every waiter at once</source>
        <translation>一次唤醒所有等待者</translation>
    </message>
    <message>
        <source>the value is dropped: exit code 0</source>
        <translation>返回值被丢弃：退出码为 0</translation>
    </message>
    <message>
        <source>wait one second at most</source>
        <translation>最多等待一秒</translation>
    </message>
    <message>
        <source>the daemon is still asleep: it is terminated as the program ends</source>
        <translation>守护进程仍在睡眠：程序结束时它会被终止</translation>
    </message>
    <message>
        <source>no join: the program still waits for its children before it ends</source>
        <translation>没有 join：程序结束前仍会等待它的子进程</translation>
    </message>
    <message>
        <source>everyone takes lock_a before lock_b</source>
        <translation>所有进程都先获取 lock_a 再获取 lock_b</translation>
    </message>
    <message>
        <source>the opposite order: each may end up holding what the other wants</source>
        <translation>相反的顺序：每个进程都可能持有对方想要的锁</translation>
    </message>
    <message>
        <source>blocks until a message is there</source>
        <translation>阻塞，直到有消息到达</translation>
    </message>
    <message>
        <source>duplex: both ends send and receive</source>
        <translation>双工：两端都能发送和接收</translation>
    </message>
    <message>
        <source>no more tasks</source>
        <translation>不再有新任务</translation>
    </message>
    <message>
        <source>wait until the workers finished them all and exited</source>
        <translation>等待工作进程完成所有任务并退出</translation>
    </message>
    <message>
        <source>blocks while the queue is full</source>
        <translation>队列满时阻塞</translation>
    </message>
    <message>
        <source>blocks while the queue is empty</source>
        <translation>队列为空时阻塞</translation>
    </message>
    <message>
        <source>poison pill: time to stop</source>
        <translation>毒丸：该停止了</translation>
    </message>
    <message>
        <source>one pill per consumer</source>
        <translation>每个消费者一颗毒丸</translation>
    </message>
    <message>
        <source>until every item got its task_done()</source>
        <translation>直到每个数据项都调用过 task_done()</translation>
    </message>
    <message>
        <source>take a permit; blocks while none is left</source>
        <translation>获取一个许可；没有剩余许可时阻塞</translation>
    </message>
    <message>
        <source>give the permit back</source>
        <translation>归还许可</translation>
    </message>
    <message>
        <source>wait for every worker before the program ends</source>
        <translation>程序结束前等待每个工作进程</translation>
    </message>
    <message>
        <source>a read, then a write</source>
        <translation>先读，再写</translation>
    </message>
    <message>
        <source>parameter: %1</source>
        <translation>参数：%1</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::CaptionBar</name>
    <message>
        <source>Press Space to run the lesson.</source>
        <translation>按空格键运行本课。</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::CodeView</name>
    <message>
        <source>The lesson's Python program. The selected event's line is highlighted; dots in the margin show where each process is.</source>
        <translation>本课的 Python 程序。所选事件所在的行会高亮显示；边栏中的圆点表示每个进程执行到的位置。</translation>
    </message>
    <message>
        <source>Here now: </source>
        <translation>当前位于此处：</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::DeadlockBanner</name>
    <message>
        <source>Show the fixed version</source>
        <translation>显示修正后的版本</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Hide this message (the timeline keeps showing the deadlock)</source>
        <translation>隐藏此消息（时间线仍会显示死锁）</translation>
    </message>
    <message>
        <source>Deadlock detected.</source>
        <translation>检测到死锁。</translation>
    </message>
    <message>
        <source>mpviz stopped and cleaned up every process of the run for you.</source>
        <translation>mpviz 已停止本次运行，并为你清理了所有进程。</translation>
    </message>
    <message>
        <source>Run the lesson again with %1=true</source>
        <translation>以 %1=true 重新运行本课</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::ExportDialog</name>
    <message>
        <source>Export the timeline</source>
        <translation>导出时间线</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>PNG for slides and chats; SVG and PDF stay sharp at any size and keep the text as text</source>
        <translation>PNG 适合幻灯片和聊天；SVG 和 PDF 在任何尺寸下都保持清晰，并保留文字为文本</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Where to write the image; the suffix follows the format</source>
        <translation>图片写入的位置；后缀随格式而定</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>PNG only: 2× or more for sharp slides on large screens</source>
        <translation>仅限 PNG：2× 或更高，在大屏幕的幻灯片上更清晰</translation>
    </message>
    <message>
        <source>PNG scale:</source>
        <translation>PNG 缩放：</translation>
    </message>
    <message>
        <source>The visible range</source>
        <translation>可见范围</translation>
    </message>
    <message>
        <source>The whole run</source>
        <translation>整个运行过程</translation>
    </message>
    <message>
        <source>Exactly what the timeline shows now</source>
        <translation>正是时间线当前显示的内容</translation>
    </message>
    <message>
        <source>From the first process start to the end</source>
        <translation>从第一个进程启动到结束</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Dark background</source>
        <translation>深色背景</translation>
    </message>
    <message>
        <source>Larger text and glyphs, for slides seen from the back of the room</source>
        <translation>更大的文字和图形，供教室后排观看幻灯片</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>文字大小：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Images (*.png *.svg *.pdf)</source>
        <translation>图片 (*.png *.svg *.pdf)</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::LogModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印内容</translation>
    </message>
    <message>
        <source>%1 printed at %2:
%3</source>
        <translation>%1 在 %2 打印：
%3</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::LogView</name>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Show or hide the lines of each process</source>
        <translation>显示或隐藏各进程的输出行</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Everything the processes printed, in time order</source>
        <translation>进程打印的所有内容，按时间排序</translation>
    </message>
    <message>
        <source>All processes</source>
        <translation>所有进程</translation>
    </message>
    <message>
        <source>%1 of %2 processes</source>
        <translation>%1 / %2 个进程</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::MainWindow</name>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Deadlock</source>
        <translation>死锁</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>Cannot start the run</source>
        <translation>无法启动运行</translation>
    </message>
    <message>
        <source>mpviz could not start '%1':
%2</source>
        <translation>mpviz 无法启动“%1”：
%2</translation>
    </message>
    <message>
        <source>Step mode: each process waits before its next operation. Press → or click a waiting operation on its lane</source>
        <translation>单步模式：每个进程在执行下一个操作前等待。按 → 键，或点击进程泳道上等待中的操作</translation>
    </message>
    <message>
        <source>Running %1 at %2×</source>
        <translation>正在以 %2× 速度运行 %1</translation>
    </message>
    <message>
        <source>Paused: the processes keep running and every event is still recorded; drag the playhead to look back</source>
        <translation>已暂停：进程继续运行，每个事件仍会被记录；拖动播放头可回看</translation>
    </message>
    <message>
        <source>Resumed: following the run live</source>
        <translation>已继续：实时跟随运行</translation>
    </message>
    <message>
        <source>Stopping: killing every process of the run…</source>
        <translation>正在停止：结束本次运行的所有进程…</translation>
    </message>
    <message>
        <source>The run ended: %1</source>
        <translation>运行结束：%1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>no process</source>
        <translation>没有进程</translation>
    </message>
    <message>
        <source>0 events</source>
        <translation>0 个事件</translation>
    </message>
    <message>
        <source>Replay at %1</source>
        <translation>回放于 %1</translation>
    </message>
    <message>
        <source>Paused at %1 (still recording)</source>
        <translation>暂停于 %1（仍在记录）</translation>
    </message>
    <message>
        <source>Live, %1</source>
        <translation>实时，%1</translation>
    </message>
    <message>
        <source>End of the run, %1</source>
        <translation>运行结束，%1</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Replay (%1)</source>
        <translation>回放（%1）</translation>
    </message>
    <message>
        <source>1 process alive</source>
        <translation>1 个进程存活</translation>
    </message>
    <message>
        <source>%1 processes alive</source>
        <translation>%1 个进程存活</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 个事件</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 个事件</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume following the run (Space)</source>
        <translation>继续跟随运行（空格键）</translation>
    </message>
    <message>
        <source>Freeze the view; the processes keep running and every event is still recorded (Space)</source>
        <translation>冻结画面；进程继续运行，每个事件仍会被记录（空格键）</translation>
    </message>
    <message>
        <source>There is nothing to export yet: run the lesson first.</source>
        <translation>还没有可导出的内容：请先运行本课。</translation>
    </message>
    <message>
        <source>Timeline written to %1</source>
        <translation>时间线已写入 %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Replaying %1 (no process was started)</source>
        <translation>正在回放 %1（未启动任何进程）</translation>
    </message>
    <message>
        <source>Trace written to %1</source>
        <translation>跟踪文件已写入 %1</translation>
    </message>
    <message>
        <source>Open a saved run</source>
        <translation>打开保存的运行</translation>
    </message>
    <message>
        <source>Trace files (*.json);;All files (*)</source>
        <translation>跟踪文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open the trace</source>
        <translation>无法打开跟踪文件</translation>
    </message>
    <message>
        <source>Save this run</source>
        <translation>保存本次运行</translation>
    </message>
    <message>
        <source>Trace files (*.json)</source>
        <translation>跟踪文件 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save the trace</source>
        <translation>无法保存跟踪文件</translation>
    </message>
    <message>
        <source>About mpviz</source>
        <translation>关于 mpviz</translation>
    </message>
    <message>
        <source>&lt;b&gt;mpviz %1&lt;/b&gt;&lt;br&gt;Python multiprocessing lessons run as real processes with real locks, semaphores, queues and pipes, drawn live.</source>
        <translation>&lt;b&gt;mpviz %1&lt;/b&gt;&lt;br&gt;Python multiprocessing 课程以真实的进程运行，使用真实的锁、信号量、队列和管道，并实时绘制出来。</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Shared state</source>
        <translation>共享状态</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <source>Show or hide the %1 panel</source>
        <translation>显示或隐藏“%1”面板</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>How the run ended, or that it is running</source>
        <translation>运行如何结束，或正在运行</translation>
    </message>
    <message>
        <source>Processes alive at the instant shown</source>
        <translation>所示时刻存活的进程数</translation>
    </message>
    <message>
        <source>Events recorded so far</source>
        <translation>目前已记录的事件数</translation>
    </message>
    <message>
        <source>Scenario time at the instant shown (the lesson's own clock)</source>
        <translation>所示时刻的场景时间（本课自己的时钟）</translation>
    </message>
    <message>
        <source>Recent programs</source>
        <translation>最近的程序</translation>
    </message>
    <message>
        <source>Opened %1: press Run (Space) to run it as real processes</source>
        <translation>已打开 %1：按“运行”（空格键）以真实的进程运行它</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>This program cannot run</source>
        <translation>此程序无法运行</translation>
    </message>
    <message>
        <source>Your own program, run by CPython as real processes.</source>
        <translation>你自己的程序，由 CPython 以真实的进程运行。</translation>
    </message>
    <message>
        <source>No program opened yet</source>
        <translation>尚未打开程序</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Open a Python program</source>
        <translation>打开 Python 程序</translation>
    </message>
    <message>
        <source>Python programs (*.py);;All files (*)</source>
        <translation>Python 程序 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 cannot run: see the program panel</source>
        <translation>%1 无法运行：请查看程序面板</translation>
    </message>
    <message>
        <source>Pick a lesson first</source>
        <translation>请先选择一课</translation>
    </message>
    <message>
        <source>Showing run %1 of Run N times</source>
        <translation>正在显示“运行 N 次”中的第 %1 次运行</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>演示</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::OutcomeChart</name>
    <message>
        <source>seeds %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <source>runs %1</source>
        <translation>第 %1 次运行</translation>
    </message>
    <message>
        <source>No run yet. The outcomes appear here as the runs end, most frequent first; click one to open that run in the timeline.</source>
        <translation>还没有运行。每次运行结束后，结果会显示在这里，最常见的在前；点击一个结果可在时间线中打开那次运行。</translation>
    </message>
    <message>
        <source>%1 of %2 runs: %3
%4
Click to open run %5 in the timeline</source>
        <translation>%2 次运行中有 %1 次：%3
%4
点击在时间线中打开第 %5 次运行</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::ParameterForm</name>
    <message>
        <source>This lesson has no parameters.</source>
        <translation>本课没有参数。</translation>
    </message>
    <message>
        <source>
%1 to %2, default %3</source>
        <translation>
%1 到 %2，默认 %3</translation>
    </message>
    <message>
        <source>
default: on</source>
        <translation>
默认：开</translation>
    </message>
    <message>
        <source>
default: off</source>
        <translation>
默认：关</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::ProcessListWidget</name>
    <message>
        <source>What each process is doing at this instant</source>
        <translation>每个进程此刻在做什么</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>尚未启动</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>睡眠中</translation>
    </message>
    <message>
        <source>blocked: </source>
        <translation>阻塞：</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>No process yet.</source>
        <translation>还没有进程。</translation>
    </message>
    <message>
        <source>waits for your step: %1</source>
        <translation>等待你单步放行：%1</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::ProgramPanel</name>
    <message>
        <source>← Lessons</source>
        <translation>← 课程</translation>
    </message>
    <message>
        <source>Close this program and pick one of the built-in lessons</source>
        <translation>关闭此程序，选择一个内置课程</translation>
    </message>
    <message>
        <source>Show the conversion…</source>
        <translation>显示转换结果…</translation>
    </message>
    <message>
        <source>See what lib2to3 changes to make it Python 3, then run that converted copy (your file is never modified)</source>
        <translation>查看 lib2to3 为转成 Python 3 所做的修改，然后运行转换后的副本（你的文件永远不会被修改）</translation>
    </message>
    <message>
        <source>Runs a copy converted from Python 2 by lib2to3; your file is unchanged. The code panel shows the converted copy.</source>
        <translation>运行的是 lib2to3 从 Python 2 转换得到的副本；你的文件保持不变。代码面板显示转换后的副本。</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>使用的对象</translation>
    </message>
    <message>
        <source>The multiprocessing objects this run has made so far, named as the program names them</source>
        <translation>本次运行到目前为止创建的 multiprocessing 对象，以程序中的名字命名</translation>
    </message>
    <message>
        <source>Not drawn</source>
        <translation>未绘制</translation>
    </message>
    <message>
        <source>How to run it</source>
        <translation>运行方式</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Command-line arguments (sys.argv[1:]), separated by spaces; "double quotes" keep spaces together</source>
        <translation>命令行参数（sys.argv[1:]），以空格分隔；用 "双引号" 把含空格的内容括在一起</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>The program's own</source>
        <translation>程序自己的</translation>
    </message>
    <message>
        <source>How multiprocessing starts processes: the program's own choice (fork on Linux), or forced; a set_start_method() call in the program still wins</source>
        <translation>multiprocessing 启动进程的方式：程序自己的选择（在 Linux 上是 fork），或强制指定；程序中调用 set_start_method() 仍然优先</translation>
    </message>
    <message>
        <source>Start method</source>
        <translation>启动方式</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Stop the run after this many seconds (“timed out”). None: it runs until it ends or you press Stop</source>
        <translation>运行这么多秒后停止（“已超时”）。无：一直运行到结束或你按下“停止”</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时间限制</translation>
    </message>
    <message>
        <source>Speed: the toolbar's slider divides the program's sleeps and timeouts; it is remembered for this program.</source>
        <translation>速度：工具栏的滑块会把程序中的 sleep 和超时时间除以它；此设置会为这个程序记住。</translation>
    </message>
    <message>
        <source>The Python 3 interpreter (3.8 or newer) that runs the program, e.g. a virtual environment's bin/python; empty: the system's</source>
        <translation>运行该程序的 Python 3 解释器（3.8 或更新），例如虚拟环境中的 bin/python；留空：使用系统的</translation>
    </message>
    <message>
        <source>Choose the Python interpreter</source>
        <translation>选择 Python 解释器</translation>
    </message>
    <message>
        <source>Your own program, in %1</source>
        <translation>你自己的程序，位于 %1</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>Nothing seen yet: run it to find out.</source>
        <translation>还没有看到任何东西：运行一下就知道了。</translation>
    </message>
    <message>
        <source>It waits on a %1: mpviz does not see that wait, so a process waiting there is drawn as running.</source>
        <translation>它在 %1 上等待：mpviz 看不到这种等待，所以在那里等待的进程会被画成运行中。</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>This program uses %1: you will see its processes, but not its objects or calls.</source>
        <translation>此程序使用了 %1：你会看到它的进程，但看不到它的对象或调用。</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::Python2Dialog</name>
    <message>
        <source>Python 2 code</source>
        <translation>Python 2 代码</translation>
    </message>
    <message>
        <source>lib2to3 would make these changes. mpviz runs a converted copy; your file stays as it is.</source>
        <translation>lib2to3 会做出以下修改。mpviz 运行转换后的副本；你的文件保持原样。</translation>
    </message>
    <message>
        <source>lib2to3 cannot convert it: %1</source>
        <translation>lib2to3 无法转换它：%1</translation>
    </message>
    <message>
        <source>Run the converted copy</source>
        <translation>运行转换后的副本</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::RepeatDialog</name>
    <message>
        <source>Run N times</source>
        <translation>运行 N 次</translation>
    </message>
    <message>
        <source>How many times to run it, one run after the other (up to %1)</source>
        <translation>运行多少次，一次接一次（最多 %1 次）</translation>
    </message>
    <message>
        <source>A different random schedule each run (run i uses seed i)</source>
        <translation>每次运行使用不同的随机调度（第 i 次运行使用种子 i）</translation>
    </message>
    <message>
        <source>Each run is stepped by the random policy with its own seed, so the interleavings differ and any outcome can be replayed exactly. Off: the operating system schedules the processes, as in a normal run</source>
        <translation>每次运行都按随机策略、用它自己的种子单步执行，因此交错顺序各不相同，任何结果都能被精确重放。关闭：由操作系统调度进程，和普通运行一样</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>次数：</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start the runs (what was counted before is forgotten)</source>
        <translation>开始运行（之前的统计会被清除）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the run going on; the runs already done stay counted</source>
        <translation>停止正在进行的运行；已完成的运行仍计入统计</translation>
    </message>
    <message>
        <source>Close; the counted runs stay until the next Start</source>
        <translation>关闭；已统计的运行会保留到下一次“开始”</translation>
    </message>
    <message>
        <source>Runs %1 again and again, one run after the other, and counts how the runs end: how each ended and the last line it printed. Your run in the window stays as it is.</source>
        <translation>一次接一次地反复运行 %1，并统计各次运行如何结束：每次的结束方式及其打印的最后一行。窗口中你自己的运行保持不变。</translation>
    </message>
    <message>
        <source>the lesson</source>
        <translation>本课</translation>
    </message>
    <message>
        <source>The runs could not start: %1</source>
        <translation>无法开始运行：%1</translation>
    </message>
    <message>
        <source>%1 of %2 runs</source>
        <translation>%1 / %2 次运行</translation>
    </message>
    <message>
        <source>Run %1 of %2 is going on…</source>
        <translation>正在进行第 %1 次运行，共 %2 次…</translation>
    </message>
    <message>
        <source>Stopped by an error: %1</source>
        <translation>因错误而停止：%1</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 runs.</source>
        <translation>在 %2 次中的第 %1 次运行后停止。</translation>
    </message>
    <message>
        <source>One outcome in %1 runs.</source>
        <translation>%1 次运行只有一种结果。</translation>
    </message>
    <message>
        <source>%1 outcomes in %2 runs.</source>
        <translation>%2 次运行共有 %1 种结果。</translation>
    </message>
    <message>
        <source>Click one to open its first run in the timeline.</source>
        <translation>点击一个结果，可在时间线中打开它的第一次运行。</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::RunController</name>
    <message>
        <source>There is no run to save yet.</source>
        <translation>还没有可保存的运行。</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::ScenarioPanel</name>
    <message>
        <source>Choose a lesson. Each one runs as real processes with real locks, queues and pipes.</source>
        <translation>选择一课。每一课都以真实的进程运行，使用真实的锁、队列和管道。</translation>
    </message>
    <message>
        <source>What to watch for</source>
        <translation>要注意观察什么</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Put every parameter back to the lesson's own value</source>
        <translation>把所有参数恢复为本课自己的值</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>What for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
</context>
<context>
    <name>mpviz::gui::SpeedControl</name>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>20× quick look</source>
        <translation>20× 快速浏览</translation>
    </message>
    <message>
        <source>Run at 20× to see the whole lesson in a few seconds</source>
        <translation>以 20× 速度运行，几秒内看完整个课程</translation>
    </message>
    <message>
        <source>How fast the lesson runs, 0.1× to 20×: every sleep in the scenario is divided by it. Applies to the next run.</source>
        <translation>本课运行的快慢，0.1× 到 20×：场景中的每个 sleep 都会除以它。对下一次运行生效。</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::StateView</name>
    <message>
        <source>The instant shown: live follows the run; after a run or while paused, drag the playhead in the timeline's time axis</source>
        <translation>所示时刻：实时模式跟随运行；运行结束后或暂停时，可在时间线的时间轴上拖动播放头</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Shared objects</source>
        <translation>共享对象</translation>
    </message>
    <message>
        <source>Nothing has run yet.</source>
        <translation>还没有运行任何内容。</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::StepController</name>
    <message>
        <source>Step mode</source>
        <translation>单步模式</translation>
    </message>
    <message>
        <source>You are the scheduler: every operation of every process waits until you let it go ahead. Switch at any time, even mid-run</source>
        <translation>由你来调度：每个进程的每个操作都要等你放行才能继续。随时可以切换，运行中也可以</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Let one waiting operation go ahead, chosen by the policy; or click a waiting operation on its lane</source>
        <translation>按调度策略放行一个等待中的操作；或点击进程泳道上等待中的操作</translation>
    </message>
    <message>
        <source>Step selected process</source>
        <translation>单步执行所选进程</translation>
    </message>
    <message>
        <source>Grant operations until the selected event's process takes its next step</source>
        <translation>不断放行操作，直到所选事件的进程执行下一步</translation>
    </message>
    <message>
        <source>Run to end</source>
        <translation>运行到结束</translation>
    </message>
    <message>
        <source>Leave step mode: every process runs freely to the end</source>
        <translation>退出单步模式：所有进程自由运行到结束</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Restart the real processes and replay every step but the last one</source>
        <translation>重新启动真实的进程，并重放除最后一步之外的所有步骤</translation>
    </message>
    <message>
        <source>Replay the first steps…</source>
        <translation>重放前几步…</translation>
    </message>
    <message>
        <source>Restart the real processes and replay as many recorded steps as you choose</source>
        <translation>重新启动真实的进程，并重放你选择数量的已记录步骤</translation>
    </message>
    <message>
        <source>Logical time</source>
        <translation>逻辑时间</translation>
    </message>
    <message>
        <source>One column per step instead of seconds, so the interleaving reads like a table</source>
        <translation>每一步一列，而不是按秒，这样交错执行的顺序读起来像一张表</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>最早的优先</translation>
    </message>
    <message>
        <source>Round-robin</source>
        <translation>轮流</translation>
    </message>
    <message>
        <source>Random (seed 1)</source>
        <translation>随机（种子 1）</translation>
    </message>
    <message>
        <source>Random (seed 2)</source>
        <translation>随机（种子 2）</translation>
    </message>
    <message>
        <source>Which waiting operation Step (→) lets go ahead: the one that waited longest, each process in turn, or a seeded random pick (the same seed always gives the same interleaving)</source>
        <translation>单步（→）放行哪个等待中的操作：等待最久的、各进程轮流，或按种子随机挑选（同一个种子总是得到同样的交错顺序）</translation>
    </message>
    <message>
        <source>Random (seed %1)</source>
        <translation>随机（种子 %1）</translation>
    </message>
    <message>
        <source>The next run starts in step mode: press Run (Space)</source>
        <translation>下一次运行将以单步模式开始：按“运行”（空格键）</translation>
    </message>
    <message>
        <source>The next run runs freely</source>
        <translation>下一次运行将自由运行</translation>
    </message>
    <message>
        <source>Step mode: each process waits before its next operation. Press → or click a waiting operation</source>
        <translation>单步模式：每个进程在执行下一个操作前等待。按 → 键，或点击等待中的操作</translation>
    </message>
    <message>
        <source>Running freely to the end</source>
        <translation>自由运行到结束</translation>
    </message>
    <message>
        <source>Select an event of a process first (click it), then Shift+→ runs that process to its next step</source>
        <translation>请先选择某个进程的一个事件（点击它），然后按 Shift+→ 让该进程执行到它的下一步</translation>
    </message>
    <message>
        <source>%1 has already ended: it takes no more steps</source>
        <translation>%1 已经结束：它不会再执行任何步骤</translation>
    </message>
    <message>
        <source>Only a run stepped from its very start can be replayed, and this one ran freely for a while. Turn on Step mode (Ctrl+T) and restart (Ctrl+R) to step it.</source>
        <translation>只有从一开始就单步执行的运行才能重放，而这次运行曾自由运行过一段时间。打开单步模式（Ctrl+T）并重新开始（Ctrl+R）来单步执行它。</translation>
    </message>
    <message>
        <source>Nothing to replay: no operation was granted yet</source>
        <translation>没有可重放的内容：还没有放行过任何操作</translation>
    </message>
    <message>
        <source>Replay the first steps</source>
        <translation>重放前几步</translation>
    </message>
    <message>
        <source>Restart the real processes and grant the first N of the %1 recorded steps again, then wait for you:</source>
        <translation>重新启动真实的进程，再次放行已记录的 %1 步中的前 N 步，然后等待你操作：</translation>
    </message>
    <message numerus="yes">
        <source>Restarted the real processes; replaying the first %n step(s)</source>
        <translation><numerusform>已重新启动真实的进程；正在重放前 %n 步</numerusform></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 到 %2</translation>
    </message>
    <message>
        <source>Waiting for you: %1. Click one, or press →.</source>
        <translation>等待你操作：%1。点击其中一个，或按 →。</translation>
    </message>
    <message>
        <source>Replaying step %1 of %2</source>
        <translation>正在重放第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Stepping: %1 granted, %2 waiting</source>
        <translation>单步执行中：已放行 %1 个，%2 个等待中</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::TimelineView</name>
    <message>
        <source>Timeline: one lane per process. Wheel scrolls, Ctrl+wheel zooms, drag pans; click an event to select it; drag in the time axis to move the playhead.</source>
        <translation>时间线：每个进程一条泳道。滚轮滚动，Ctrl+滚轮缩放，拖动平移；点击事件可选中它；在时间轴上拖动可移动播放头。</translation>
    </message>
    <message>
        <source>Scroll through time</source>
        <translation>沿时间滚动</translation>
    </message>
    <message>
        <source>Scroll through the process lanes</source>
        <translation>滚动浏览进程泳道</translation>
    </message>
    <message>
        <source>Press Run (Space) to start the lesson, or open a saved trace.</source>
        <translation>按“运行”（空格键）开始本课，或打开保存的跟踪文件。</translation>
    </message>
    <message>
        <source>%1 waits for your permission to %2.
Click to let it go ahead (→ grants by the chosen policy).</source>
        <translation>%1 正在等待你允许它执行 %2。
点击放行（→ 按所选策略放行）。</translation>
    </message>
</context>
<context>
    <name>mpviz::gui::UserGuideDialog</name>
    <message>
        <source>mpviz user guide</source>
        <translation>mpviz 用户指南</translation>
    </message>
    <message>
        <source>The user guide is missing from this build of mpviz.</source>
        <translation>此版本的 mpviz 缺少用户指南。</translation>
    </message>
</context>
<context>
    <name>narrator</name>
    <message>
        <source>a process</source>
        <translation>某个进程</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>a list of process names</comment>
        <translation>%1 和 %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between process names</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 is blocked: the semaphore %2 has no permits left (%3 hold all %4)</source>
        <translation>%1 被阻塞：信号量 %2 已没有可用的许可（%3 占用了全部 %4 个）</translation>
    </message>
    <message>
        <source>%1 is blocked: the semaphore %2 has no permits left</source>
        <translation>%1 被阻塞：信号量 %2 已没有可用的许可</translation>
    </message>
    <message>
        <source>%1 is blocked: %2 is taken</source>
        <translation>%1 被阻塞：%2 已被占用</translation>
    </message>
    <message>
        <source>%1 is blocked: %2 is held by %3</source>
        <translation>%1 被阻塞：%2 被 %3 持有</translation>
    </message>
    <message>
        <source>%1 waits until event %2 is set</source>
        <translation>%1 等待事件 %2 被设置</translation>
    </message>
    <message>
        <source>%1 is blocked: the queue %2 is full (%3 of %3) until someone takes an item</source>
        <translation>%1 被阻塞：队列 %2 已满（%3 / %3），直到有人取出一项</translation>
    </message>
    <message>
        <source>%1 is blocked: the queue %2 is empty, it waits for an item</source>
        <translation>%1 被阻塞：队列 %2 为空，它在等待数据项</translation>
    </message>
    <message>
        <source>%1 is blocked: the pipe %2 buffer is full until the other end reads</source>
        <translation>%1 被阻塞：管道 %2 的缓冲区已满，直到另一端读取</translation>
    </message>
    <message>
        <source>%1 waits for a message on the pipe %2</source>
        <translation>%1 等待管道 %2 上的消息</translation>
    </message>
    <message>
        <source>%1 waits for %2 to finish (join)</source>
        <translation>%1 等待 %2 结束（join）</translation>
    </message>
    <message>
        <source>%1 waits until every item of %2 got its task_done()</source>
        <translation>%1 等待 %2 的每个数据项都调用 task_done()</translation>
    </message>
    <message>
        <source>%1 cannot exit yet: the data it put into %2 still sits in the pipe, and nobody reads it</source>
        <translation>%1 还不能退出：它放入 %2 的数据仍留在管道中，而没有人读取</translation>
    </message>
    <message>
        <source>%1 is blocked in %2</source>
        <translation>%1 阻塞在 %2 中</translation>
    </message>
    <message>
        <source>%1 is blocked in %2 on %3</source>
        <translation>%1 阻塞在 %3 的 %2 上</translation>
    </message>
    <message>
        <source>%1 started %2</source>
        <translation>%1 启动了 %2</translation>
    </message>
    <message>
        <source>%1 joined %2 (exit code %3)</source>
        <translation>%1 join 了 %2（退出码 %3）</translation>
    </message>
    <message>
        <source>%1 terminated %2 (sent SIGTERM)</source>
        <translation>%1 终止了 %2（发送了 SIGTERM）</translation>
    </message>
    <message>
        <source>%1 was killed by %2</source>
        <translation>%1 被 %2 杀死</translation>
    </message>
    <message>
        <source>%1 finished with exit code %2</source>
        <translation>%1 结束，退出码为 %2</translation>
    </message>
    <message>
        <source>%1 took a permit of %2 (%3 left)</source>
        <translation>%1 获取了 %2 的一个许可（剩余 %3 个）</translation>
    </message>
    <message>
        <source>%1 acquired %2</source>
        <translation>%1 获取了 %2</translation>
    </message>
    <message>
        <source>%1 gave back a permit of %2 (%3 free)</source>
        <translation>%1 归还了 %2 的一个许可（可用 %3 个）</translation>
    </message>
    <message>
        <source>%1 released %2</source>
        <translation>%1 释放了 %2</translation>
    </message>
    <message>
        <source>%1 set event %2: every process waiting on it goes on</source>
        <translation>%1 设置了事件 %2：所有等待它的进程继续运行</translation>
    </message>
    <message>
        <source>%1 cleared event %2</source>
        <translation>%1 清除了事件 %2</translation>
    </message>
    <message>
        <source>%1 saw event %2 set and goes on</source>
        <translation>%1 看到事件 %2 已设置，继续运行</translation>
    </message>
    <message>
        <source>%1 stopped waiting for %2 (timeout)</source>
        <translation>%1 停止等待 %2（超时）</translation>
    </message>
    <message>
        <source>%1 put %2 into %3 (%4 waiting)</source>
        <translation>%1 把 %2 放入 %3（队列中有 %4 项）</translation>
    </message>
    <message>
        <source>%1 took %2 from %3 (%4 left)</source>
        <translation>%1 从 %3 取出 %2（剩余 %4 项）</translation>
    </message>
    <message>
        <source>%1 sent %2 through %3</source>
        <translation>%1 通过 %3 发送了 %2</translation>
    </message>
    <message>
        <source>%1 received %2 from %3</source>
        <translation>%1 从 %3 接收了 %2</translation>
    </message>
    <message>
        <source>%1 handed %2 to the pool</source>
        <translation>%1 把 %2 交给了进程池</translation>
    </message>
    <message>
        <source>%1 runs %2</source>
        <translation>%1 运行 %2</translation>
    </message>
    <message>
        <source>%1 finished a task: result %2</source>
        <translation>%1 完成了一个任务：结果为 %2</translation>
    </message>
    <message>
        <source>%1 wrote %2 to %3</source>
        <translation>%1 把 %2 写入 %3</translation>
    </message>
    <message>
        <source>%1 called task_done() on %2 (%3 unfinished)</source>
        <translation>%1 对 %2 调用了 task_done()（%3 项未完成）</translation>
    </message>
    <message>
        <source>%1 saw every item of %2 done</source>
        <translation>%1 看到 %2 的每个数据项都已完成</translation>
    </message>
    <message>
        <source>%1 gave up on %2 (timeout)</source>
        <translation>%1 放弃了 %2（超时）</translation>
    </message>
    <message>
        <source>%1 gave up on %2 %3 (timeout)</source>
        <translation>%1 放弃了 %2 %3（超时）</translation>
    </message>
    <message>
        <source>Deadlock: </source>
        <translation>死锁：</translation>
    </message>
</context>
<context>
    <name>outcome</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>deadlock</source>
        <translation>死锁</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>python</name>
    <message>
        <source>invalid syntax</source>
        <translation>语法错误</translation>
    </message>
    <message>
        <source>invalid syntax. Perhaps you forgot a comma?</source>
        <translation>语法错误，也许漏了一个逗号？</translation>
    </message>
    <message>
        <source>unexpected indent</source>
        <translation>意外的缩进</translation>
    </message>
    <message>
        <source>expected an indented block</source>
        <translation>这里应该有一个缩进的代码块</translation>
    </message>
    <message>
        <source>unindent does not match any outer indentation level</source>
        <translation>取消缩进后与外层的任何缩进层级都不对齐</translation>
    </message>
    <message>
        <source>inconsistent use of tabs and spaces in indentation</source>
        <translation>缩进中混用了制表符和空格</translation>
    </message>
    <message>
        <source>expected ':'</source>
        <translation>这里缺少冒号“:”</translation>
    </message>
    <message>
        <source>unterminated string literal</source>
        <translation>字符串没有结束引号</translation>
    </message>
    <message>
        <source>unexpected EOF while parsing</source>
        <translation>代码在语句结束前就到了文件末尾</translation>
    </message>
    <message>
        <source>invalid decimal literal</source>
        <translation>无效的十进制数字</translation>
    </message>
    <message>
        <source>source code string cannot contain null bytes</source>
        <translation>源代码中不能包含空字节（\0）</translation>
    </message>
    <message>
        <source>Python 2 print statement</source>
        <translation>Python 2 的 print 语句</translation>
    </message>
    <message>
        <source>Python 2 exec statement</source>
        <translation>Python 2 的 exec 语句</translation>
    </message>
    <message>
        <source>Python 2 'except X, e:' clause</source>
        <translation>Python 2 的 'except X, e:' 写法</translation>
    </message>
    <message>
        <source>Python 2 octal literal</source>
        <translation>Python 2 的八进制数写法</translation>
    </message>
    <message>
        <source>%1: %2 at line %3: this is Python 2 code</source>
        <translation>%1：第 %3 行是 %2，这是 Python 2 代码</translation>
    </message>
    <message>
        <source>the character '%1' (U+%2 %3) at column %4 cannot be in Python code outside a string</source>
        <translation>第 %4 列的字符“%1”（U+%2 %3）不能出现在字符串之外的 Python 代码中</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>无法读取该文件：%1</translation>
    </message>
    <message>
        <source>%1 line %2: %3</source>
        <translation>%1 第 %2 行：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>no such program: %1</source>
        <translation>找不到程序：%1</translation>
    </message>
    <message>
        <source>cannot run the Python interpreter %1</source>
        <translation>无法运行 Python 解释器 %1</translation>
    </message>
    <message>
        <source>%1 does not run as a Python interpreter</source>
        <translation>%1 无法作为 Python 解释器运行</translation>
    </message>
    <message>
        <source>%1 is Python %2; mpviz needs Python %3 or newer</source>
        <translation>%1 是 Python %2；mpviz 需要 Python %3 或更高版本</translation>
    </message>
    <message>
        <source>mpviz's Python shim is missing (looked in %1)</source>
        <translation>缺少 mpviz 的 Python 适配模块（查找位置：%1）</translation>
    </message>
    <message>
        <source>could not check %1 with %2: %3</source>
        <translation>无法用 %2 检查 %1：%3</translation>
    </message>
</context>
<context>
    <name>render</name>
    <message>
        <source>signal %1</source>
        <translation>信号 %1</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>killed (%1)</source>
        <translation>被杀死（%1）</translation>
    </message>
    <message>
        <source>exited (%1)</source>
        <translation>已退出（%1）</translation>
    </message>
    <message>
        <source>sleep</source>
        <translation>睡眠</translation>
    </message>
    <message>
        <source>sleep %1</source>
        <translation>睡眠 %1</translation>
    </message>
    <message>
        <source>waits: %1</source>
        <translation>等待：%1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>睡眠中</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>deadlock</source>
        <translation>死锁</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>  (logical time: one column per step)</source>
        <translation>  （逻辑时间：每一步一列）</translation>
    </message>
    <message>
        <source>item</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>wakes</source>
        <translation>唤醒</translation>
    </message>
    <message>
        <source>starts</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>exit → join</source>
        <translation>退出 → join</translation>
    </message>
    <message>
        <source>deadlock cycle</source>
        <translation>死锁环</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>within a step</source>
        <translation>一步之内</translation>
    </message>
    <message>
        <source>1 step</source>
        <translation>1 步</translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation>%1 步</translation>
    </message>
    <message>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation>被 %1 杀死</translation>
    </message>
    <message>
        <source>exitcode %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>, %1 permits</source>
        <translation>，%1 个许可</translation>
    </message>
    <message>
        <source>, %1 workers</source>
        <translation>，%1 个工作进程</translation>
    </message>
    <message>
        <source>object: %1 (%2)</source>
        <translation>对象：%1（%2）</translation>
    </message>
    <message>
        <source>child: %1</source>
        <translation>子进程：%1</translation>
    </message>
    <message>
        <source>child ended: %1</source>
        <translation>子进程已结束：%1</translation>
    </message>
    <message>
        <source>sent SIGTERM</source>
        <translation>已发送 SIGTERM</translation>
    </message>
    <message>
        <source>printed: %1</source>
        <translation>打印：%1</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>持续 %1</translation>
    </message>
    <message>
        <source>semaphore value after: %1</source>
        <translation>之后的信号量值：%1</translation>
    </message>
    <message>
        <source>lock now held</source>
        <translation>锁现在被持有</translation>
    </message>
    <message>
        <source>lock now free</source>
        <translation>锁现在空闲</translation>
    </message>
    <message>
        <source>flag now set</source>
        <translation>标志现在已设置</translation>
    </message>
    <message>
        <source>flag now clear</source>
        <translation>标志现在已清除</translation>
    </message>
    <message>
        <source>returned True (flag set)</source>
        <translation>返回 True（标志已设置）</translation>
    </message>
    <message>
        <source>returned False (timed out)</source>
        <translation>返回 False（已超时）</translation>
    </message>
    <message>
        <source>item: %1</source>
        <translation>数据项：%1</translation>
    </message>
    <message>
        <source>queue length after: %1</source>
        <translation>之后的队列长度：%1</translation>
    </message>
    <message>
        <source>bytes waiting in the pipe after: %1</source>
        <translation>之后管道中等待的字节数：%1</translation>
    </message>
    <message>
        <source>pipe end: %1</source>
        <translation>管道端：%1</translation>
    </message>
    <message>
        <source>task #%1: %2</source>
        <translation>任务 #%1：%2</translation>
    </message>
    <message>
        <source>task #%1 result: %2</source>
        <translation>任务 #%1 的结果：%2</translation>
    </message>
    <message>
        <source>value: %1</source>
        <translation>值：%1</translation>
    </message>
    <message>
        <source>unfinished tasks after: %1</source>
        <translation>之后未完成的任务数：%1</translation>
    </message>
    <message>
        <source>process: %1</source>
        <translation>进程：%1</translation>
    </message>
    <message>
        <source>at %1 (scenario time)</source>
        <translation>于 %1（场景时间）</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>mpviz trace</source>
        <translation>mpviz 跟踪</translation>
    </message>
    <message>
        <source> — failed (timed out or would block)</source>
        <translation> — 失败（超时或会阻塞）</translation>
    </message>
    <message>
        <source>holds the lock</source>
        <translation>持有锁</translation>
    </message>
    <message>
        <source>holds a permit</source>
        <translation>持有许可</translation>
    </message>
    <message>
        <source>lost update</source>
        <translation>丢失的更新</translation>
    </message>
    <message>
        <source>%1 (owner died)</source>
        <translation>%1（持有者已退出）</translation>
    </message>
    <message>
        <source>%1: permits free</source>
        <translation>%1：可用许可</translation>
    </message>
    <message>
        <source>%1: items</source>
        <translation>%1：数据项</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>, maxsize %1</source>
        <translation>，maxsize %1</translation>
    </message>
    <message>
        <source>element [%1] = %2</source>
        <translation>元素 [%1] = %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>daemon</source>
        <translation>守护进程</translation>
    </message>
    <message>
        <source>intent</source>
        <translation>即将执行</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>begin</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>锁</translation>
    </message>
    <message>
        <source>semaphore</source>
        <translation>信号量</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>joinable_queue</source>
        <translation>可 join 的队列</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>管道</translation>
    </message>
    <message>
        <source>pool</source>
        <translation>进程池</translation>
    </message>
    <message>
        <source>value</source>
        <translation>共享值</translation>
    </message>
    <message>
        <source>array</source>
        <translation>共享数组</translation>
    </message>
    <message>
        <source>holds a permit of %1</source>
        <translation>持有 %1 的一个许可</translation>
    </message>
    <message>
        <source>holds the lock %1</source>
        <translation>持有锁 %1</translation>
    </message>
    <message>
        <source>it ended holding it: the permit never came back</source>
        <translation>它在持有时结束：这个许可再也没有归还</translation>
    </message>
    <message>
        <source>it ended holding it (owner died): nobody can release it</source>
        <translation>它在持有时结束（持有者已退出）：没有人能释放它</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>被杀死</translation>
    </message>
</context>
</TS>
