# The Chinese of mpviz_zh_CN.ts, by (context, English source). apply_zh.py writes it in.
TRANSLATIONS = {
    ('Card', 'held by: '):
        '持有者：',
    ('Card', 'blocked on it: '):
        '阻塞在此的进程：',
    ('Card', 'items, oldest first: '):
        '队列中的数据项（最早的在前）：',
    ('Card', 'sent the other way: '):
        '反方向发送的：',
    ('Card', 'cannot exit until their queued data is read: '):
        '在其放入队列的数据被读取前无法退出：',
    ('mpviz::gui::ProcessListWidget', 'waits for your step: %1'):
        '等待你单步放行：%1',
    ('EventCard', 'flag set'):
        '标志已设置',
    ('EventCard', 'flag clear'):
        '标志未设置',
    ('EventCard', 'set: wait() returns at once'):
        '已设置：wait() 立即返回',
    ('EventCard', 'not set: wait() blocks'):
        '未设置：wait() 会阻塞',
    ('EventCard', 'waiting:'):
        '等待中：',
    ('EventCard', 'nobody'):
        '无',
    ('LockCard', 'free'):
        '空闲',
    ('LockCard', 'held'):
        '已被持有',
    ('LockCard', 'held by'):
        '持有者',
    ('LockCard', ' — owner died'):
        ' — 持有者已退出',
    ('LockCard', 'waiting:'):
        '等待中：',
    ('LockCard', 'nobody'):
        '无',
    ('NumberCard', '%1 numbers'):
        '%1 个数',
    ('NumberCard', 'shared number'):
        '共享值',
    ('NumberCard', 'written by'):
        '写入者',
    ('NumberCard', 'last written by'):
        '最后写入者',
    ('NumberCard', 'last read by'):
        '最后读取者',
    ('NumberCard', 'nobody yet'):
        '暂无',
    ('PipeCard', '%1 + %2 messages unread'):
        '%1 + %2 条消息未读',
    ('PipeCard', '%1 of %2 bytes in the buffer'):
        '缓冲区中有 %1 / %2 字节',
    ('PipeCard', 'no message in flight'):
        '没有传输中的消息',
    ('PipeCard', 'blocked:'):
        '阻塞：',
    ('PipeCard', 'nobody'):
        '无',
    ('PoolCard', '%1 of %2 workers busy'):
        '%1 / %2 个工作进程忙碌',
    ('PoolCard', 'runs %1'):
        '正在运行 %1',
    ('PoolCard', 'idle'):
        '空闲',
    ('PoolCard', '(worker exited)'):
        '（工作进程已退出）',
    ('PoolCard', '(worker not started)'):
        '（工作进程未启动）',
    ('PoolCard', 'none'):
        '无',
    ('PoolCard', 'pending'):
        '待处理',
    ('PoolCard', 'results'):
        '结果',
    ('QueueCard', '%1 of %2 items'):
        '%1 / %2 项',
    ('QueueCard', '1 item (no maxsize)'):
        '1 项（无 maxsize）',
    ('QueueCard', '%1 items (no maxsize)'):
        '%1 项（无 maxsize）',
    ('QueueCard', ', %1 unfinished'):
        '，%1 项未完成',
    ('QueueCard', 'cannot exit, data stuck in the pipe:'):
        '无法退出，数据卡在管道中：',
    ('QueueCard', 'blocked in put (full):'):
        '阻塞在 put（队列已满）：',
    ('QueueCard', 'nobody'):
        '无',
    ('QueueCard', 'blocked in get (empty):'):
        '阻塞在 get（队列为空）：',
    ('SemaphoreCard', '%1 of %2 permits free'):
        '%1 / %2 个许可可用',
    ('SemaphoreCard', 'free'):
        '可用',
    ('SemaphoreCard', 'waiting:'):
        '等待中：',
    ('SemaphoreCard', 'nobody'):
        '无',
    ('WindowActions', 'Run'):
        '运行',
    ('WindowActions', 'Start the lesson as real processes'):
        '以真实的进程运行本课',
    ('WindowActions', 'Pause'):
        '暂停',
    ('WindowActions', 'Freeze the view; the processes keep running and every event is still recorded'):
        '冻结画面；进程继续运行，每个事件仍会被记录',
    ('WindowActions', 'Stop'):
        '停止',
    ('WindowActions', 'Kill every process of the run and clean up'):
        '结束本次运行的所有进程并清理',
    ('WindowActions', 'Restart'):
        '重新开始',
    ('WindowActions', 'Stop and run the lesson again from the start'):
        '停止并从头重新运行本课',
    ('WindowActions', 'Open Python program…'):
        '打开 Python 程序…',
    ('WindowActions', 'Run your own multiprocessing program (a .py file) as real processes'):
        '以真实的进程运行你自己的 multiprocessing 程序（.py 文件）',
    ('WindowActions', 'Open trace…'):
        '打开跟踪文件…',
    ('WindowActions', 'Replay a saved run (no process is started)'):
        '回放保存的运行（不会启动任何进程）',
    ('WindowActions', 'Save trace…'):
        '保存跟踪文件…',
    ('WindowActions', 'Save this run as a trace file (Chrome trace JSON; opens in Perfetto too)'):
        '将本次运行保存为跟踪文件（Chrome trace JSON，也可在 Perfetto 中打开）',
    ('WindowActions', 'Export…'):
        '导出…',
    ('WindowActions', 'Save the timeline as PNG, SVG or PDF'):
        '将时间线保存为 PNG、SVG 或 PDF',
    ('WindowActions', 'Quit'):
        '退出',
    ('WindowActions', 'Stop any run and close mpviz'):
        '停止正在进行的运行并关闭 mpviz',
    ('WindowActions', 'Zoom in'):
        '放大',
    ('WindowActions', 'Show a shorter stretch of time'):
        '显示更短的时间段',
    ('WindowActions', 'Zoom out'):
        '缩小',
    ('WindowActions', 'Show a longer stretch of time'):
        '显示更长的时间段',
    ('WindowActions', 'Fit'):
        '适应窗口',
    ('WindowActions', 'Show the whole run (and follow it while it runs)'):
        '显示整个运行过程（运行中时跟随）',
    ('WindowActions', 'Follow now'):
        '跟随当前',
    ('WindowActions', 'Keep the live “now” line in view; clears the playhead'):
        '让实时的“当前”线保持可见；清除播放头',
    ('WindowActions', 'Previous event'):
        '上一个事件',
    ('WindowActions', 'Select the event before the selected one'):
        '选择所选事件之前的事件',
    ('WindowActions', 'Next event'):
        '下一个事件',
    ('WindowActions', 'Select the event after the selected one'):
        '选择所选事件之后的事件',
    ('WindowActions', 'Presentation mode'):
        '演示模式',
    ('WindowActions', 'Full screen, larger text and a caption that explains what happens'):
        '全屏、更大的文字，以及解说正在发生什么的字幕',
    ('WindowActions', 'Held locks and permits'):
        '持有的锁与许可',
    ('WindowActions', 'A band under each lane for every stretch the process holds a lock or a semaphore permit'):
        '进程持有锁或信号量许可的每一段时间，在其泳道下画一条色带',
    ('WindowActions', 'Counter charts'):
        '计数图',
    ('WindowActions', 'Permits free, queue lengths and shared values over time, under the lanes'):
        '在泳道下方显示空闲许可数、队列长度和共享值随时间的变化',
    ('WindowActions', 'Dark theme'):
        '深色主题',
    ('WindowActions', 'Light text on a dark background'):
        '深色背景上的浅色文字',
    ('WindowActions', 'User guide'):
        '用户指南',
    ('WindowActions', 'How to run lessons and your own programs, step them and export'):
        '如何运行课程和你自己的程序、单步执行以及导出',
    ('WindowActions', 'Keyboard shortcuts'):
        '键盘快捷键',
    ('WindowActions', 'Every key the window knows, from its menus'):
        '窗口菜单中的所有快捷键',
    ('WindowActions', 'About mpviz'):
        '关于 mpviz',
    ('WindowActions', 'What mpviz is'):
        'mpviz 是什么',
    ('lesson', 'Deadlock: joining before reading the queue'):
        '死锁：先 join 后读取队列',
    ('lesson', "The child puts one big item (a million 'X's) on 'queue' and returns, but it cannot exit yet: a process that put data on a Queue first waits until its feeder thread has pushed all of it into the underlying pipe, and a pipe holds only about 64 KiB until someone reads. MainProcess calls join() before get(): it waits for the child to exit while the child waits for MainProcess to read. Both stay blocked forever; mpviz finds the cycle, reports a deadlock and stops the run. Set fixed=true to get first and join second. Or make bytes smaller than the pipe buffer: up to 65,514 characters, which pickled with their length header fill its 65,536 bytes, the wrong order then happens to work, which is how this bug slips through small tests."):
        "子进程向 'queue' 放入一个大数据项（一百万个 'X'）后返回，但它还不能退出：向 Queue 放入过数据的进程，要先等它的 feeder 线程把数据全部写进底层管道，而管道在有人读取之前只能容纳约 64 KiB。主进程 MainProcess 在 get() 之前调用了 join()：它等待子进程退出，而子进程在等待主进程读取。两者都永远阻塞；mpviz 找到这个等待环，报告死锁并停止运行。设置 fixed=true 则先 get 后 join。或者把 bytes 设得比管道缓冲区小：不超过 65,514 个字符时，连同长度头一起序列化后正好填满 65,536 字节，错误的顺序也碰巧能运行——这个 bug 正是这样在小规模测试中溜过去的。",
    ('lesson', 'size of the item the child puts (above 65514 it no longer fits the pipe)'):
        '子进程放入的数据项大小（超过 65514 就放不进管道了）',
    ('lesson', 'get the item before joining the child'):
        '先取出数据项，再 join 子进程',
    ('lesson', 'Event: wait until someone sets the flag'):
        '事件 Event：等待有人设置标志',
    ('lesson', "Every waiter starts blocked on wait of 'event' (flag 0). MainProcess says it needs 8 s and sets the flag: all waiters wake together - set wakes everyone, and the flag stays up until someone clears it. Each sleeps 1 s, prints the flag and clears it; the first to clear wins, so the others may already print False. Then they wait again. Process-1 (and every odd one) waits with no timeout and stays blocked until MainProcess sets the flag a second time, 8 s later. Process-2 (every even one) waits only `timeout` seconds: watch its wait end early with result false and the line 'time's up'. Make timeout longer than 7 s and the second set reaches it too. The tutorial's race is kept: a waiter that starts only after the others cleared the flag misses the first set."):
        "每个等待者一开始都阻塞在 'event' 的 wait 上（标志为 0）。主进程 MainProcess 说它需要 8 秒，然后设置标志：所有等待者同时被唤醒——set 会唤醒所有人，标志会一直保持，直到有人清除它。每个等待者睡眠 1 秒，打印标志并清除它；最先清除的获胜，所以其他进程可能已经打印出 False。然后它们再次等待。Process-1（以及所有奇数编号的进程）不带超时地等待，一直阻塞到 8 秒后主进程第二次设置标志。Process-2（所有偶数编号的进程）只等待 `timeout` 秒：观察它的 wait 提前结束，结果为 false，并打印 'time's up'。把 timeout 设得比 7 秒长，第二次 set 也能唤醒它。教程中的竞争条件保留了下来：一个在其他进程清除标志之后才开始的等待者会错过第一次 set。",
    ('lesson', 'how many processes wait (odd ones forever, even ones with a timeout)'):
        '等待的进程数（奇数号永远等待，偶数号带超时）',
    ('lesson', 'seconds the even waiters wait the second time before giving up'):
        '偶数号等待者第二次等待多少秒后放弃',
    ('lesson', 'Process: start, join, daemon, exit codes'):
        '进程 Process：start、join、守护进程与退出码',
    ('lesson', "Two children start together: 'daemon' sleeps 2 s, 'non-daemon' is done at once. MainProcess joins the daemon with a 1 s timeout: watch its join end after one second while the daemon is still sleeping (d.is_alive() True) - a timeout stops the waiting, not the child. Then five short processes show the exit codes, which join collects: sys.exit(1) gives 1, returning (with or without a value) gives 0, an uncaught exception gives 1, and 'terminated' gives -15: its parent sends SIGTERM right after starting it, usually before its target even begins, so it seldom gets as far as its sleep. Last, MainProcess reaches its end with the daemon still asleep: a daemon never holds the program up, it is terminated and never prints 'Exiting', where a non-daemon child would have been waited for."):
        "两个子进程同时启动：'daemon' 睡眠 2 秒，'non-daemon' 立即完成。主进程 MainProcess 以 1 秒超时 join 守护进程：观察它的 join 在一秒后结束，而守护进程仍在睡眠（d.is_alive() 为 True）——超时结束的是等待，而不是子进程。接着五个短小的进程展示由 join 收集的退出码：sys.exit(1) 得到 1，正常返回（无论有没有返回值）得到 0，未捕获的异常得到 1，'terminated' 得到 -15：它的父进程在启动它之后立刻发送 SIGTERM，通常在它的目标函数开始之前，所以它很少能执行到 sleep。最后，主进程运行到结尾时守护进程仍在睡眠：守护进程从不拖住程序，它会被终止，永远不会打印 'Exiting'；而非守护的子进程则会被等待。",
    ('lesson', 'Lock: one writer at a time'):
        '锁 Lock：一次只有一个写入者',
    ('lesson', "Each taskN prints four timestamped lines, one a second. With use_lock each worker holds 'lock' for its whole loop: on the timeline one process runs while the others sit blocked on acquire, and the output comes in clean blocks of four, taking workers x 4 s. Which waiter gets the lock next is up to the OS, not the start order. Set use_lock=false and all run at once: the lines interleave and the run takes 4 s - harmless for prints, but a file or a shared value written this way gets mixed up. MainProcess never joins; watch it reach its end and still wait for its children, as Python does for non-daemon processes."):
        "每个 taskN 打印四行带时间戳的输出，每秒一行。开启 use_lock 时，每个工作进程在整个循环期间都持有 'lock'：在时间线上，一个进程运行时其他进程阻塞在 acquire 上，输出以四行为一组整齐出现，总共耗时 workers x 4 秒。下一个获得锁的是哪个等待者由操作系统决定，而不是启动顺序。设置 use_lock=false，所有进程同时运行：各行交错出现，运行只需 4 秒——对 print 无害，但以这种方式写入的文件或共享值会被弄乱。主进程 MainProcess 从不调用 join；观察它运行到结尾后仍然等待它的子进程，这正是 Python 对非守护进程的做法。",
    ('lesson', 'how many task processes print'):
        '打印输出的任务进程数',
    ('lesson', "hold the lock around each task's loop (false: lines interleave)"):
        '在每个任务的循环外持有锁（false：各行交错）',
    ('lesson', 'Deadlock: two locks, opposite order'):
        '死锁：两把锁，相反的顺序',
    ('lesson', "Process-1 takes lock_a then lock_b; Process-2 takes lock_b then lock_a. Each gets its first lock, sleeps 0.5 s, then asks for the other one: both are blocked on acquire, each holding the lock the other wants, and MainProcess is blocked joining them. Nothing can ever move again; mpviz finds the cycle (Process-1 waits for Process-2's lock_b, Process-2 for Process-1's lock_a), reports a deadlock and stops the run. With ordered=true both take lock_a first: the second one blocks on lock_a while holding nothing, so the first can take lock_b, finish and release, and the run always completes. One agreed order for all locks is the standard cure."):
        'Process-1 先获取 lock_a 再获取 lock_b；Process-2 先获取 lock_b 再获取 lock_a。每个进程拿到第一把锁后睡眠 0.5 秒，然后请求另一把：两者都阻塞在 acquire 上，各自持有对方想要的锁，而主进程 MainProcess 阻塞在 join 它们上。谁也无法再前进；mpviz 找到这个等待环（Process-1 等待 Process-2 持有的 lock_b，Process-2 等待 Process-1 持有的 lock_a），报告死锁并停止运行。设置 ordered=true 后两者都先获取 lock_a：第二个进程在什么都没持有时阻塞在 lock_a 上，于是第一个进程可以获取 lock_b、完成并释放，运行总能结束。所有锁按同一个约定的顺序获取，是避免死锁的标准办法。',
    ('lesson', 'both processes take lock_a before lock_b (no deadlock)'):
        '两个进程都先获取 lock_a 再获取 lock_b（不会死锁）',
    ('lesson', 'Pipe: two ends, both ways'):
        '管道 Pipe：两端，双向',
    ('lesson', "Pipe() returns two connected ends, here duplex: each end can send and receive. Process-1 sends all its messages at once - send does not wait for the reader while the pipe has room, watch the byte count of 'conn1, conn2' rise - then sleeps 2 s. Process-2 is blocked on recv until each message arrives, reads them all, sleeps 1 s and answers over the same pipe in the other direction; Process-1 finds the answers waiting when it wakes and its recv no longer blocks. Give each end to one process: two processes reading one end at the same time can tear messages apart. (The tutorial passes the same function to both processes by mistake; this is the program it meant.)"):
        "Pipe() 返回两个相连的端点，这里是双工的：每一端都能发送和接收。Process-1 一次发出它的全部消息——管道还有空间时 send 不会等待读取方，观察 'conn1, conn2' 的字节数上升——然后睡眠 2 秒。Process-2 阻塞在 recv 上直到每条消息到达，读完全部消息，睡眠 1 秒，再通过同一个管道反向回复；Process-1 醒来时发现回复已在等它，它的 recv 不再阻塞。每一端只交给一个进程：两个进程同时读同一端可能把消息撕碎。（教程误把同一个函数传给了两个进程；这里是它本来想写的程序。）",
    ('lesson', 'how many messages each side sends'):
        '每一方发送的消息数',
    ('lesson', 'Pool: a fixed team of workers'):
        '进程池 Pool：一支固定的工作进程团队',
    ('lesson', 'Pool(3) starts three worker processes once and feeds them tasks through a queue. The apply_async calls all return at once - watch MainProcess submit every task without waiting - but only three squares run at a time: each worker takes the next task as soon as it is free, so ten 3-second tasks take four rounds (12 s) instead of 30 s, done by the same three pids. close() says no more tasks are coming; join() waits until the workers have emptied the queue and exited. The results list comes back in submission order, whatever order the tasks finished in.'):
        'Pool(3) 一次性启动三个工作进程，并通过队列给它们分派任务。apply_async 调用全部立即返回——观察主进程 MainProcess 不等待地提交每个任务——但同一时间只有三个 square 在运行：每个工作进程一空闲就取下一个任务，所以十个 3 秒的任务需要四轮（12 秒）而不是 30 秒，全部由同样的三个 pid 完成。close() 表示不会再有新任务；join() 等待工作进程清空队列并退出。结果列表按提交顺序返回，与任务完成的顺序无关。',
    ('lesson', 'how many worker processes the pool keeps'):
        '进程池保持的工作进程数',
    ('lesson', 'how many square(i) tasks are submitted, 3 s each'):
        '提交的 square(i) 任务数，每个 3 秒',
    ('lesson', 'Queue: producer and consumers'):
        '队列 Queue：生产者与消费者',
    ('lesson', "Process-1 makes an ice-lolly a second; each consumer takes one and needs 5 s to eat it. Watch the 'queue' card fill up to maxsize: from then on the producer is blocked on put until a consumer takes one, so the fast producer is held to the consumers' pace (back-pressure), while an empty queue blocks consumers on get. More consumers drain it faster. When the producer is done, MainProcess puts one poison pill (None) per consumer behind the remaining items; a consumer that gets one prints 'Exiting' and leaves its loop. queue.join() blocks MainProcess until every item, pills included, has had its task_done()."):
        "Process-1 每秒做一根冰棍；每个消费者取走一根，要花 5 秒吃完。观察 'queue' 卡片被填满到 maxsize：从此生产者阻塞在 put 上，直到有消费者取走一根，于是快速的生产者被拖到消费者的节奏（背压），而空队列会让消费者阻塞在 get 上。消费者越多，队列清空得越快。生产者完成后，主进程 MainProcess 在剩余数据项之后为每个消费者放入一颗“毒丸”（None）；取到毒丸的消费者打印 'Exiting' 并退出循环。queue.join() 让主进程一直阻塞，直到每个数据项（包括毒丸）都调用过 task_done()。",
    ('lesson', 'how many items the queue holds before put blocks'):
        'put 阻塞之前队列能容纳的数据项数',
    ('lesson', 'how many ice-lollies the producer makes, one a second'):
        '生产者做的冰棍数，每秒一根',
    ('lesson', 'how many consumer processes, 5 s per item each'):
        '消费者进程数，每项各需 5 秒',
    ('lesson', 'Semaphore: at most N at once'):
        '信号量 Semaphore：同时最多 N 个',
    ('lesson', "The semaphore 'sem' starts with `permits` permits; its card counts the permits free, one fewer at each acquire and one more at each release. Only that many workers are ever between 'acquired' and 'released': the rest are blocked on acquire until a holder releases, so the workers go through in waves of `permits`, each `hold` seconds long. A Lock is the special case permits=1; with permits >= workers nobody waits at all. This is how a program caps the use of a scarce resource, such as connections to a database."):
        "信号量 'sem' 初始有 `permits` 个许可；它的卡片显示可用的许可数，每次 acquire 减一，每次 release 加一。任何时候处于 'acquired' 与 'released' 之间的工作进程都不会超过这个数：其余的阻塞在 acquire 上，直到有持有者释放，因此工作进程以每批 `permits` 个、每批 `hold` 秒的节奏通过。锁 Lock 是 permits=1 的特例；当 permits >= workers 时，谁也不用等待。程序正是这样限制稀缺资源（例如数据库连接）的使用的。",
    ('lesson', 'how many processes want a permit'):
        '想要获取许可的进程数',
    ('lesson', "the semaphore's initial value: how many may hold it at once"):
        '信号量的初始值：同时最多可以有多少个持有者',
    ('lesson', 'seconds each worker keeps its permit'):
        '每个工作进程持有许可的秒数',
    ('lesson', 'Value: shared memory and lost updates'):
        '共享值 Value：共享内存与丢失的更新',
    ('lesson', "'v' lives in shared memory, so every worker sees the same number, and each `v.value += 1` is two steps: a read, then a write (both show on the timeline and on the 'v' card). With use_lock each worker holds 'lock' for its whole loop: the others are blocked on acquire, the workers take turns and the final value is exactly workers x increments. Set use_lock=false and they run together: if one reads between another's read and write, both write the same number and an increment is lost, so the final value falls short of the expected one. In run mode the window is tiny and losses are rare; in step mode, grant a read to each worker before either writes and you lose one every time."):
        "'v' 位于共享内存中，所以每个工作进程看到的是同一个数，而每次 `v.value += 1` 分两步：先读，再写（两步都显示在时间线和 'v' 卡片上）。开启 use_lock 时，每个工作进程在整个循环期间持有 'lock'：其他进程阻塞在 acquire 上，工作进程轮流执行，最终值恰好是 workers x increments。设置 use_lock=false 后它们一起运行：如果一个进程在另一个进程的读和写之间读取，两者会写入同一个数，一次加一就丢失了，于是最终值小于预期。在运行模式下这个时间窗口很小，丢失很少见；在单步模式下，让每个工作进程都先读、再让任何一个写，每次都会丢失一次更新。",
    ('lesson', 'how many processes add to v'):
        '对 v 做加法的进程数',
    ('lesson', 'how many times each worker adds 1, 0.1 s apart'):
        '每个工作进程加 1 的次数，间隔 0.1 秒',
    ('lesson', "hold the lock around each worker's loop (false: updates get lost)"):
        '在每个工作进程的循环外持有锁（false：更新会丢失）',
    ('mpviz::gui::CaptionBar', 'Press Space to run the lesson.'):
        '按空格键运行本课。',
    ('mpviz::gui::CodeView', "The lesson's Python program. The selected event's line is highlighted; dots in the margin show where each process is."):
        '本课的 Python 程序。所选事件所在的行会高亮显示；边栏中的圆点表示每个进程执行到的位置。',
    ('mpviz::gui::CodeView', 'Here now: '):
        '当前位于此处：',
    ('mpviz::gui::DeadlockBanner', 'Show the fixed version'):
        '显示修正后的版本',
    ('mpviz::gui::DeadlockBanner', 'Dismiss'):
        '关闭',
    ('mpviz::gui::DeadlockBanner', 'Hide this message (the timeline keeps showing the deadlock)'):
        '隐藏此消息（时间线仍会显示死锁）',
    ('mpviz::gui::DeadlockBanner', 'Deadlock detected.'):
        '检测到死锁。',
    ('mpviz::gui::DeadlockBanner', 'mpviz stopped and cleaned up every process of the run for you.'):
        'mpviz 已停止本次运行，并为你清理了所有进程。',
    ('mpviz::gui::DeadlockBanner', 'Run the lesson again with %1=true'):
        '以 %1=true 重新运行本课',
    ('mpviz::gui::ExportDialog', 'Export the timeline'):
        '导出时间线',
    ('mpviz::gui::ExportDialog', 'PNG image'):
        'PNG 图片',
    ('mpviz::gui::ExportDialog', 'SVG drawing'):
        'SVG 矢量图',
    ('mpviz::gui::ExportDialog', 'PDF document'):
        'PDF 文档',
    ('mpviz::gui::ExportDialog', 'PNG for slides and chats; SVG and PDF stay sharp at any size and keep the text as text'):
        'PNG 适合幻灯片和聊天；SVG 和 PDF 在任何尺寸下都保持清晰，并保留文字为文本',
    ('mpviz::gui::ExportDialog', 'Format:'):
        '格式：',
    ('mpviz::gui::ExportDialog', 'Where to write the image; the suffix follows the format'):
        '图片写入的位置；后缀随格式而定',
    ('mpviz::gui::ExportDialog', 'Browse…'):
        '浏览…',
    ('mpviz::gui::ExportDialog', 'File:'):
        '文件：',
    ('mpviz::gui::ExportDialog', 'PNG only: 2× or more for sharp slides on large screens'):
        '仅限 PNG：2× 或更高，在大屏幕的幻灯片上更清晰',
    ('mpviz::gui::ExportDialog', 'PNG scale:'):
        'PNG 缩放：',
    ('mpviz::gui::ExportDialog', 'The visible range'):
        '可见范围',
    ('mpviz::gui::ExportDialog', 'The whole run'):
        '整个运行过程',
    ('mpviz::gui::ExportDialog', 'Exactly what the timeline shows now'):
        '正是时间线当前显示的内容',
    ('mpviz::gui::ExportDialog', 'From the first process start to the end'):
        '从第一个进程启动到结束',
    ('mpviz::gui::ExportDialog', 'Range:'):
        '范围：',
    ('mpviz::gui::ExportDialog', 'Dark background'):
        '深色背景',
    ('mpviz::gui::ExportDialog', 'Larger text and glyphs, for slides seen from the back of the room'):
        '更大的文字和图形，供教室后排观看幻灯片',
    ('mpviz::gui::ExportDialog', 'Text size:'):
        '文字大小：',
    ('mpviz::gui::ExportDialog', 'Export'):
        '导出',
    ('mpviz::gui::ExportDialog', 'Images (*.png *.svg *.pdf)'):
        '图片 (*.png *.svg *.pdf)',
    ('mpviz::gui::LogModel', 'Time'):
        '时间',
    ('mpviz::gui::LogModel', 'Process'):
        '进程',
    ('mpviz::gui::LogModel', 'Printed'):
        '打印内容',
    ('mpviz::gui::LogView', 'Processes'):
        '进程',
    ('mpviz::gui::LogView', 'Show or hide the lines of each process'):
        '显示或隐藏各进程的输出行',
    ('mpviz::gui::LogView', 'Show:'):
        '显示：',
    ('mpviz::gui::LogView', 'Everything the processes printed, in time order'):
        '进程打印的所有内容，按时间排序',
    ('mpviz::gui::LogView', 'All processes'):
        '所有进程',
    ('mpviz::gui::LogView', '%1 of %2 processes'):
        '%1 / %2 个进程',
    ('mpviz::gui::MainWindow', 'Running'):
        '运行中',
    ('mpviz::gui::MainWindow', 'Completed'):
        '已完成',
    ('mpviz::gui::MainWindow', 'Deadlock'):
        '死锁',
    ('mpviz::gui::MainWindow', 'Timed out'):
        '已超时',
    ('mpviz::gui::MainWindow', 'Stopped'):
        '已停止',
    ('mpviz::gui::MainWindow', 'Cannot start %1: %2'):
        '无法启动 %1：%2',
    ('mpviz::gui::MainWindow', 'Cannot start the run'):
        '无法启动运行',
    ('mpviz::gui::MainWindow', "mpviz could not start '%1':\n%2"):
        'mpviz 无法启动“%1”：\n%2',
    ('mpviz::gui::MainWindow', 'Step mode: each process waits before its next operation. Press → or click a waiting operation on its lane'):
        '单步模式：每个进程在执行下一个操作前等待。按 → 键，或点击进程泳道上等待中的操作',
    ('mpviz::gui::MainWindow', 'Running %1 at %2×'):
        '正在以 %2× 速度运行 %1',
    ('mpviz::gui::MainWindow', 'Paused: the processes keep running and every event is still recorded; drag the playhead to look back'):
        '已暂停：进程继续运行，每个事件仍会被记录；拖动播放头可回看',
    ('mpviz::gui::MainWindow', 'Resumed: following the run live'):
        '已继续：实时跟随运行',
    ('mpviz::gui::MainWindow', 'Stopping: killing every process of the run…'):
        '正在停止：结束本次运行的所有进程…',
    ('mpviz::gui::MainWindow', 'The run ended: %1'):
        '运行结束：%1',
    ('mpviz::gui::MainWindow', 'Ready'):
        '就绪',
    ('mpviz::gui::MainWindow', 'no process'):
        '没有进程',
    ('mpviz::gui::MainWindow', '0 events'):
        '0 个事件',
    ('mpviz::gui::MainWindow', 'Replay at %1'):
        '回放于 %1',
    ('mpviz::gui::MainWindow', 'Paused at %1 (still recording)'):
        '暂停于 %1（仍在记录）',
    ('mpviz::gui::MainWindow', 'Live, %1'):
        '实时，%1',
    ('mpviz::gui::MainWindow', 'End of the run, %1'):
        '运行结束，%1',
    ('mpviz::gui::MainWindow', 'Paused'):
        '已暂停',
    ('mpviz::gui::MainWindow', 'Replay (%1)'):
        '回放（%1）',
    ('mpviz::gui::MainWindow', '1 process alive'):
        '1 个进程存活',
    ('mpviz::gui::MainWindow', '%1 processes alive'):
        '%1 个进程存活',
    ('mpviz::gui::MainWindow', '1 event'):
        '1 个事件',
    ('mpviz::gui::MainWindow', '%1 events'):
        '%1 个事件',
    ('mpviz::gui::MainWindow', 'Resume'):
        '继续',
    ('mpviz::gui::MainWindow', 'Pause'):
        '暂停',
    ('mpviz::gui::MainWindow', 'Resume following the run (Space)'):
        '继续跟随运行（空格键）',
    ('mpviz::gui::MainWindow', 'Freeze the view; the processes keep running and every event is still recorded (Space)'):
        '冻结画面；进程继续运行，每个事件仍会被记录（空格键）',
    ('mpviz::gui::MainWindow', 'There is nothing to export yet: run the lesson first.'):
        '还没有可导出的内容：请先运行本课。',
    ('mpviz::gui::MainWindow', 'Timeline written to %1'):
        '时间线已写入 %1',
    ('mpviz::gui::MainWindow', 'Export failed'):
        '导出失败',
    ('mpviz::gui::MainWindow', 'Replaying %1 (no process was started)'):
        '正在回放 %1（未启动任何进程）',
    ('mpviz::gui::MainWindow', 'Trace written to %1'):
        '跟踪文件已写入 %1',
    ('mpviz::gui::MainWindow', 'Open a saved run'):
        '打开保存的运行',
    ('mpviz::gui::MainWindow', 'Trace files (*.json);;All files (*)'):
        '跟踪文件 (*.json);;所有文件 (*)',
    ('mpviz::gui::MainWindow', 'Cannot open the trace'):
        '无法打开跟踪文件',
    ('mpviz::gui::MainWindow', 'Save this run'):
        '保存本次运行',
    ('mpviz::gui::MainWindow', 'Trace files (*.json)'):
        '跟踪文件 (*.json)',
    ('mpviz::gui::MainWindow', 'Cannot save the trace'):
        '无法保存跟踪文件',
    ('mpviz::gui::MainWindow', 'About mpviz'):
        '关于 mpviz',
    ('mpviz::gui::MainWindow', '<b>mpviz %1</b><br>Python multiprocessing lessons run as real processes with real locks, semaphores, queues and pipes, drawn live.'):
        '<b>mpviz %1</b><br>Python multiprocessing 课程以真实的进程运行，使用真实的锁、信号量、队列和管道，并实时绘制出来。',
    ('mpviz::gui::MainWindow', '&Step'):
        '单步(&S)',
    ('mpviz::gui::MainWindow', '&Help'):
        '帮助(&H)',
    ('mpviz::gui::MainWindow', 'Step'):
        '单步',
    ('mpviz::gui::MainWindow', '&Language'):
        '语言(&L)',
    ('mpviz::gui::MainWindow', 'Lesson'):
        '课程',
    ('mpviz::gui::MainWindow', 'Shared state'):
        '共享状态',
    ('mpviz::gui::MainWindow', 'Code'):
        '代码',
    ('mpviz::gui::MainWindow', 'Log'):
        '日志',
    ('mpviz::gui::MainWindow', '&File'):
        '文件(&F)',
    ('mpviz::gui::MainWindow', '&Run'):
        '运行(&R)',
    ('mpviz::gui::MainWindow', '&View'):
        '视图(&V)',
    ('mpviz::gui::MainWindow', 'Panels'):
        '面板',
    ('mpviz::gui::MainWindow', 'Show or hide the %1 panel'):
        '显示或隐藏“%1”面板',
    ('mpviz::gui::MainWindow', 'Run'):
        '运行',
    ('mpviz::gui::MainWindow', 'How the run ended, or that it is running'):
        '运行如何结束，或正在运行',
    ('mpviz::gui::MainWindow', 'Processes alive at the instant shown'):
        '所示时刻存活的进程数',
    ('mpviz::gui::MainWindow', 'Events recorded so far'):
        '目前已记录的事件数',
    ('mpviz::gui::MainWindow', "Scenario time at the instant shown (the lesson's own clock)"):
        '所示时刻的场景时间（本课自己的时钟）',
    ('mpviz::gui::MainWindow', 'Recent programs'):
        '最近的程序',
    ('mpviz::gui::MainWindow', 'Opened %1: press Run (Space) to run it as real processes'):
        '已打开 %1：按“运行”（空格键）以真实的进程运行它',
    ('mpviz::gui::MainWindow', 'Program'):
        '程序',
    ('mpviz::gui::MainWindow', 'This program cannot run'):
        '此程序无法运行',
    ('mpviz::gui::MainWindow', 'Your own program, run by CPython as real processes.'):
        '你自己的程序，由 CPython 以真实的进程运行。',
    ('mpviz::gui::MainWindow', 'No program opened yet'):
        '尚未打开程序',
    ('mpviz::gui::MainWindow', 'Clear the list'):
        '清空列表',
    ('mpviz::gui::MainWindow', 'Open a Python program'):
        '打开 Python 程序',
    ('mpviz::gui::MainWindow', 'Python programs (*.py);;All files (*)'):
        'Python 程序 (*.py);;所有文件 (*)',
    ('mpviz::gui::ParameterForm', 'This lesson has no parameters.'):
        '本课没有参数。',
    ('mpviz::gui::ParameterForm', '\n%1 to %2, default %3'):
        '\n%1 到 %2，默认 %3',
    ('mpviz::gui::ParameterForm', '\ndefault: on'):
        '\n默认：开',
    ('mpviz::gui::ParameterForm', '\ndefault: off'):
        '\n默认：关',
    ('mpviz::gui::ProcessListWidget', 'What each process is doing at this instant'):
        '每个进程此刻在做什么',
    ('mpviz::gui::ProcessListWidget', 'not started yet'):
        '尚未启动',
    ('mpviz::gui::ProcessListWidget', 'running'):
        '运行中',
    ('mpviz::gui::ProcessListWidget', 'sleeping'):
        '睡眠中',
    ('mpviz::gui::ProcessListWidget', 'blocked: '):
        '阻塞：',
    ('mpviz::gui::ProcessListWidget', 'exited'):
        '已退出',
    ('mpviz::gui::ProcessListWidget', 'No process yet.'):
        '还没有进程。',
    ('mpviz::gui::ProgramPanel', '← Lessons'):
        '← 课程',
    ('mpviz::gui::ProgramPanel', 'Close this program and pick one of the built-in lessons'):
        '关闭此程序，选择一个内置课程',
    ('mpviz::gui::ProgramPanel', 'Show the conversion…'):
        '显示转换结果…',
    ('mpviz::gui::ProgramPanel', 'See what lib2to3 changes to make it Python 3, then run that converted copy (your file is never modified)'):
        '查看 lib2to3 为转成 Python 3 所做的修改，然后运行转换后的副本（你的文件永远不会被修改）',
    ('mpviz::gui::ProgramPanel', 'Runs a copy converted from Python 2 by lib2to3; your file is unchanged. The code panel shows the converted copy.'):
        '运行的是 lib2to3 从 Python 2 转换得到的副本；你的文件保持不变。代码面板显示转换后的副本。',
    ('mpviz::gui::ProgramPanel', 'Uses'):
        '使用的对象',
    ('mpviz::gui::ProgramPanel', 'The multiprocessing objects this run has made so far, named as the program names them'):
        '本次运行到目前为止创建的 multiprocessing 对象，以程序中的名字命名',
    ('mpviz::gui::ProgramPanel', 'Not drawn'):
        '未绘制',
    ('mpviz::gui::ProgramPanel', 'How to run it'):
        '运行方式',
    ('mpviz::gui::ProgramPanel', 'none'):
        '无',
    ('mpviz::gui::ProgramPanel', 'Command-line arguments (sys.argv[1:]), separated by spaces; "double quotes" keep spaces together'):
        '命令行参数（sys.argv[1:]），以空格分隔；用 "双引号" 把含空格的内容括在一起',
    ('mpviz::gui::ProgramPanel', 'Arguments'):
        '参数',
    ('mpviz::gui::ProgramPanel', "The program's own"):
        '程序自己的',
    ('mpviz::gui::ProgramPanel', "How multiprocessing starts processes: the program's own choice (fork on Linux), or forced; a set_start_method() call in the program still wins"):
        'multiprocessing 启动进程的方式：程序自己的选择（在 Linux 上是 fork），或强制指定；程序中调用 set_start_method() 仍然优先',
    ('mpviz::gui::ProgramPanel', 'Start method'):
        '启动方式',
    ('mpviz::gui::ProgramPanel', 'Python'):
        'Python',
    ('mpviz::gui::ProgramPanel', ' s'):
        ' 秒',
    ('mpviz::gui::ProgramPanel', 'Stop the run after this many seconds (“timed out”). None: it runs until it ends or you press Stop'):
        '运行这么多秒后停止（“已超时”）。无：一直运行到结束或你按下“停止”',
    ('mpviz::gui::ProgramPanel', 'Time limit'):
        '时间限制',
    ('mpviz::gui::ProgramPanel', "Speed: the toolbar's slider divides the program's sleeps and timeouts; it is remembered for this program."):
        '速度：工具栏的滑块会把程序中的 sleep 和超时时间除以它；此设置会为这个程序记住。',
    ('mpviz::gui::ProgramPanel', "The Python 3 interpreter (3.8 or newer) that runs the program, e.g. a virtual environment's bin/python; empty: the system's"):
        '运行该程序的 Python 3 解释器（3.8 或更新），例如虚拟环境中的 bin/python；留空：使用系统的',
    ('mpviz::gui::ProgramPanel', 'Choose the Python interpreter'):
        '选择 Python 解释器',
    ('mpviz::gui::ProgramPanel', 'Your own program, in %1'):
        '你自己的程序，位于 %1',
    ('mpviz::gui::ProgramPanel', 'This program uses %1: you will see its processes, but not its objects or calls.'):
        '此程序使用了 %1：你会看到它的进程，但看不到它的对象或调用。',
    ('mpviz::gui::ProgramPanel', ' and '):
        '和',
    ('mpviz::gui::ProgramPanel', 'It waits on a %1: mpviz does not see that wait, so a process waiting there is drawn as running.'):
        '它在 %1 上等待：mpviz 看不到这种等待，所以在那里等待的进程会被画成运行中。',
    ('mpviz::gui::ProgramPanel', ' or '):
        '或',
    ('mpviz::gui::ProgramPanel', 'Nothing seen yet: run it to find out.'):
        '还没有看到任何东西：运行一下就知道了。',
    ('mpviz::gui::Python2Dialog', 'Python 2 code'):
        'Python 2 代码',
    ('mpviz::gui::Python2Dialog', 'lib2to3 would make these changes. mpviz runs a converted copy; your file stays as it is.'):
        'lib2to3 会做出以下修改。mpviz 运行转换后的副本；你的文件保持原样。',
    ('mpviz::gui::Python2Dialog', 'lib2to3 cannot convert it: %1'):
        'lib2to3 无法转换它：%1',
    ('mpviz::gui::Python2Dialog', 'Run the converted copy'):
        '运行转换后的副本',
    ('mpviz::gui::RunController', 'There is no run to save yet.'):
        '还没有可保存的运行。',
    ('mpviz::gui::ScenarioPanel', 'Choose a lesson. Each one runs as real processes with real locks, queues and pipes.'):
        '选择一课。每一课都以真实的进程运行，使用真实的锁、队列和管道。',
    ('mpviz::gui::ScenarioPanel', 'What to watch for'):
        '要注意观察什么',
    ('mpviz::gui::ScenarioPanel', 'Parameters'):
        '参数',
    ('mpviz::gui::ScenarioPanel', 'Reset to defaults'):
        '恢复默认值',
    ('mpviz::gui::ScenarioPanel', "Put every parameter back to the lesson's own value"):
        '把所有参数恢复为本课自己的值',
    ('mpviz::gui::ShortcutsDialog', 'Keyboard shortcuts'):
        '键盘快捷键',
    ('mpviz::gui::ShortcutsDialog', 'Keys'):
        '按键',
    ('mpviz::gui::ShortcutsDialog', 'Does'):
        '作用',
    ('mpviz::gui::ShortcutsDialog', 'Menu'):
        '菜单',
    ('mpviz::gui::ShortcutsDialog', 'What for'):
        '用途',
    ('mpviz::gui::ShortcutsDialog', ' or '):
        ' 或 ',
    ('mpviz::gui::SpeedControl', 'Speed'):
        '速度',
    ('mpviz::gui::SpeedControl', 'How fast the lesson runs, 0.1× to 20×: every sleep in the scenario is divided by it. Applies to the next run.'):
        '本课运行的快慢，0.1× 到 20×：场景中的每个 sleep 都会除以它。对下一次运行生效。',
    ('mpviz::gui::SpeedControl', '20× quick look'):
        '20× 快速浏览',
    ('mpviz::gui::SpeedControl', 'Run at 20× to see the whole lesson in a few seconds'):
        '以 20× 速度运行，几秒内看完整个课程',
    ('mpviz::gui::StateView', "The instant shown: live follows the run; after a run or while paused, drag the playhead in the timeline's time axis"):
        '所示时刻：实时模式跟随运行；运行结束后或暂停时，可在时间线的时间轴上拖动播放头',
    ('mpviz::gui::StateView', 'Processes'):
        '进程',
    ('mpviz::gui::StateView', 'Shared objects'):
        '共享对象',
    ('mpviz::gui::StateView', 'Nothing has run yet.'):
        '还没有运行任何内容。',
    ('mpviz::gui::StepController', 'Step mode'):
        '单步模式',
    ('mpviz::gui::StepController', 'You are the scheduler: every operation of every process waits until you let it go ahead. Switch at any time, even mid-run'):
        '由你来调度：每个进程的每个操作都要等你放行才能继续。随时可以切换，运行中也可以',
    ('mpviz::gui::StepController', 'Step'):
        '单步',
    ('mpviz::gui::StepController', 'Let one waiting operation go ahead, chosen by the policy; or click a waiting operation on its lane'):
        '按调度策略放行一个等待中的操作；或点击进程泳道上等待中的操作',
    ('mpviz::gui::StepController', 'Step selected process'):
        '单步执行所选进程',
    ('mpviz::gui::StepController', "Grant operations until the selected event's process takes its next step"):
        '不断放行操作，直到所选事件的进程执行下一步',
    ('mpviz::gui::StepController', 'Run to end'):
        '运行到结束',
    ('mpviz::gui::StepController', 'Leave step mode: every process runs freely to the end'):
        '退出单步模式：所有进程自由运行到结束',
    ('mpviz::gui::StepController', 'Step back'):
        '后退一步',
    ('mpviz::gui::StepController', 'Restart the real processes and replay every step but the last one'):
        '重新启动真实的进程，并重放除最后一步之外的所有步骤',
    ('mpviz::gui::StepController', 'Replay the first steps…'):
        '重放前几步…',
    ('mpviz::gui::StepController', 'Restart the real processes and replay as many recorded steps as you choose'):
        '重新启动真实的进程，并重放你选择数量的已记录步骤',
    ('mpviz::gui::StepController', 'Logical time'):
        '逻辑时间',
    ('mpviz::gui::StepController', 'One column per step instead of seconds, so the interleaving reads like a table'):
        '每一步一列，而不是按秒，这样交错执行的顺序读起来像一张表',
    ('mpviz::gui::StepController', 'Oldest first'):
        '最早的优先',
    ('mpviz::gui::StepController', 'Round-robin'):
        '轮流',
    ('mpviz::gui::StepController', 'Random (seed 1)'):
        '随机（种子 1）',
    ('mpviz::gui::StepController', 'Random (seed 2)'):
        '随机（种子 2）',
    ('mpviz::gui::StepController', 'Which waiting operation Step (→) lets go ahead: the one that waited longest, each process in turn, or a seeded random pick (the same seed always gives the same interleaving)'):
        '单步（→）放行哪个等待中的操作：等待最久的、各进程轮流，或按种子随机挑选（同一个种子总是得到同样的交错顺序）',
    ('mpviz::gui::StepController', 'Random (seed %1)'):
        '随机（种子 %1）',
    ('mpviz::gui::StepController', 'The next run starts in step mode: press Run (Space)'):
        '下一次运行将以单步模式开始：按“运行”（空格键）',
    ('mpviz::gui::StepController', 'The next run runs freely'):
        '下一次运行将自由运行',
    ('mpviz::gui::StepController', 'Step mode: each process waits before its next operation. Press → or click a waiting operation'):
        '单步模式：每个进程在执行下一个操作前等待。按 → 键，或点击等待中的操作',
    ('mpviz::gui::StepController', 'Running freely to the end'):
        '自由运行到结束',
    ('mpviz::gui::StepController', 'Select an event of a process first (click it), then Shift+→ runs that process to its next step'):
        '请先选择某个进程的一个事件（点击它），然后按 Shift+→ 让该进程执行到它的下一步',
    ('mpviz::gui::StepController', '%1 has already ended: it takes no more steps'):
        '%1 已经结束：它不会再执行任何步骤',
    ('mpviz::gui::StepController', 'Only a run stepped from its very start can be replayed, and this one ran freely for a while. Turn on Step mode (Ctrl+T) and restart (Ctrl+R) to step it.'):
        '只有从一开始就单步执行的运行才能重放，而这次运行曾自由运行过一段时间。打开单步模式（Ctrl+T）并重新开始（Ctrl+R）来单步执行它。',
    ('mpviz::gui::StepController', 'Nothing to replay: no operation was granted yet'):
        '没有可重放的内容：还没有放行过任何操作',
    ('mpviz::gui::StepController', 'Replay the first steps'):
        '重放前几步',
    ('mpviz::gui::StepController', 'Restart the real processes and grant the first N of the %1 recorded steps again, then wait for you:'):
        '重新启动真实的进程，再次放行已记录的 %1 步中的前 N 步，然后等待你操作：',
    ('mpviz::gui::StepController', 'Restarted the real processes; replaying the first %n step(s)'):
        '已重新启动真实的进程；正在重放前 %n 步',
    ('mpviz::gui::StepController', '%1 to %2'):
        '%1 到 %2',
    ('mpviz::gui::StepController', 'Waiting for you: %1. Click one, or press →.'):
        '等待你操作：%1。点击其中一个，或按 →。',
    ('mpviz::gui::StepController', 'Replaying step %1 of %2'):
        '正在重放第 %1 步，共 %2 步',
    ('mpviz::gui::StepController', 'Stepping: %1 granted, %2 waiting'):
        '单步执行中：已放行 %1 个，%2 个等待中',
    ('mpviz::gui::TimelineView', 'Timeline: one lane per process. Wheel scrolls, Ctrl+wheel zooms, drag pans; click an event to select it; drag in the time axis to move the playhead.'):
        '时间线：每个进程一条泳道。滚轮滚动，Ctrl+滚轮缩放，拖动平移；点击事件可选中它；在时间轴上拖动可移动播放头。',
    ('mpviz::gui::TimelineView', 'Scroll through time'):
        '沿时间滚动',
    ('mpviz::gui::TimelineView', 'Scroll through the process lanes'):
        '滚动浏览进程泳道',
    ('mpviz::gui::TimelineView', 'Press Run (Space) to start the lesson, or open a saved trace.'):
        '按“运行”（空格键）开始本课，或打开保存的跟踪文件。',
    ('mpviz::gui::TimelineView', '%1 waits for your permission to %2.\nClick to let it go ahead (→ grants by the chosen policy).'):
        '%1 正在等待你允许它执行 %2。\n点击放行（→ 按所选策略放行）。',
    ('mpviz::gui::UserGuideDialog', 'mpviz user guide'):
        'mpviz 用户指南',
    ('mpviz::gui::UserGuideDialog', 'The user guide is missing from this build of mpviz.'):
        '此版本的 mpviz 缺少用户指南。',
    ('narrator', 'a process'):
        '某个进程',
    ('narrator', '%1 and %2'):
        '%1 和 %2',
    ('narrator', ', '):
        '、',
    ('narrator', '%1 is blocked: the semaphore %2 has no permits left (%3 hold all %4)'):
        '%1 被阻塞：信号量 %2 已没有可用的许可（%3 占用了全部 %4 个）',
    ('narrator', '%1 is blocked: the semaphore %2 has no permits left'):
        '%1 被阻塞：信号量 %2 已没有可用的许可',
    ('narrator', '%1 is blocked: %2 is taken'):
        '%1 被阻塞：%2 已被占用',
    ('narrator', '%1 is blocked: %2 is held by %3'):
        '%1 被阻塞：%2 被 %3 持有',
    ('narrator', '%1 waits until event %2 is set'):
        '%1 等待事件 %2 被设置',
    ('narrator', '%1 is blocked: the queue %2 is full (%3 of %3) until someone takes an item'):
        '%1 被阻塞：队列 %2 已满（%3 / %3），直到有人取出一项',
    ('narrator', '%1 is blocked: the queue %2 is empty, it waits for an item'):
        '%1 被阻塞：队列 %2 为空，它在等待数据项',
    ('narrator', '%1 is blocked: the pipe %2 buffer is full until the other end reads'):
        '%1 被阻塞：管道 %2 的缓冲区已满，直到另一端读取',
    ('narrator', '%1 waits for a message on the pipe %2'):
        '%1 等待管道 %2 上的消息',
    ('narrator', '%1 waits for %2 to finish (join)'):
        '%1 等待 %2 结束（join）',
    ('narrator', '%1 waits until every item of %2 got its task_done()'):
        '%1 等待 %2 的每个数据项都调用 task_done()',
    ('narrator', '%1 cannot exit yet: the data it put into %2 still sits in the pipe, and nobody reads it'):
        '%1 还不能退出：它放入 %2 的数据仍留在管道中，而没有人读取',
    ('narrator', '%1 is blocked in %2'):
        '%1 阻塞在 %2 中',
    ('narrator', '%1 is blocked in %2 on %3'):
        '%1 阻塞在 %3 的 %2 上',
    ('narrator', '%1 started %2'):
        '%1 启动了 %2',
    ('narrator', '%1 joined %2 (exit code %3)'):
        '%1 join 了 %2（退出码 %3）',
    ('narrator', '%1 terminated %2 (sent SIGTERM)'):
        '%1 终止了 %2（发送了 SIGTERM）',
    ('narrator', '%1 was killed by %2'):
        '%1 被 %2 杀死',
    ('narrator', '%1 finished with exit code %2'):
        '%1 结束，退出码为 %2',
    ('narrator', '%1 took a permit of %2 (%3 left)'):
        '%1 获取了 %2 的一个许可（剩余 %3 个）',
    ('narrator', '%1 acquired %2'):
        '%1 获取了 %2',
    ('narrator', '%1 gave back a permit of %2 (%3 free)'):
        '%1 归还了 %2 的一个许可（可用 %3 个）',
    ('narrator', '%1 released %2'):
        '%1 释放了 %2',
    ('narrator', '%1 set event %2: every process waiting on it goes on'):
        '%1 设置了事件 %2：所有等待它的进程继续运行',
    ('narrator', '%1 cleared event %2'):
        '%1 清除了事件 %2',
    ('narrator', '%1 saw event %2 set and goes on'):
        '%1 看到事件 %2 已设置，继续运行',
    ('narrator', '%1 stopped waiting for %2 (timeout)'):
        '%1 停止等待 %2（超时）',
    ('narrator', '%1 put %2 into %3 (%4 waiting)'):
        '%1 把 %2 放入 %3（队列中有 %4 项）',
    ('narrator', '%1 took %2 from %3 (%4 left)'):
        '%1 从 %3 取出 %2（剩余 %4 项）',
    ('narrator', '%1 sent %2 through %3'):
        '%1 通过 %3 发送了 %2',
    ('narrator', '%1 received %2 from %3'):
        '%1 从 %3 接收了 %2',
    ('narrator', '%1 handed %2 to the pool'):
        '%1 把 %2 交给了进程池',
    ('narrator', '%1 runs %2'):
        '%1 运行 %2',
    ('narrator', '%1 finished a task: result %2'):
        '%1 完成了一个任务：结果为 %2',
    ('narrator', '%1 wrote %2 to %3'):
        '%1 把 %2 写入 %3',
    ('narrator', '%1 called task_done() on %2 (%3 unfinished)'):
        '%1 对 %2 调用了 task_done()（%3 项未完成）',
    ('narrator', '%1 saw every item of %2 done'):
        '%1 看到 %2 的每个数据项都已完成',
    ('narrator', '%1 gave up on %2 (timeout)'):
        '%1 放弃了 %2（超时）',
    ('narrator', '%1 gave up on %2 %3 (timeout)'):
        '%1 放弃了 %2 %3（超时）',
    ('narrator', 'Deadlock: '):
        '死锁：',
    ('render', 'signal %1'):
        '信号 %1',
    ('render', 'ended'):
        '已结束',
    ('render', 'killed (%1)'):
        '被杀死（%1）',
    ('render', 'exited (%1)'):
        '已退出（%1）',
    ('render', 'sleep'):
        '睡眠',
    ('render', 'sleep %1'):
        '睡眠 %1',
    ('render', 'waits: %1'):
        '等待：%1',
    ('render', 'running'):
        '运行中',
    ('render', 'sleeping'):
        '睡眠中',
    ('render', 'blocked'):
        '阻塞',
    ('render', 'exited'):
        '已退出',
    ('render', 'not started'):
        '未启动',
    ('render', 'completed'):
        '已完成',
    ('render', 'deadlock'):
        '死锁',
    ('render', 'timeout'):
        '超时',
    ('render', 'stopped'):
        '已停止',
    ('render', '  (logical time: one column per step)'):
        '  （逻辑时间：每一步一列）',
    ('render', 'item'):
        '数据项',
    ('render', 'wakes'):
        '唤醒',
    ('render', 'starts'):
        '启动',
    ('render', 'exit → join'):
        '退出 → join',
    ('render', 'deadlock cycle'):
        '死锁环',
    ('render', 'step %1'):
        '第 %1 步',
    ('render', 'within a step'):
        '一步之内',
    ('render', '1 step'):
        '1 步',
    ('render', '%1 steps'):
        '%1 步',
    ('render', 'now'):
        '当前',
    ('mpviz::gui::LogModel', '%1 printed at %2:\n%3'):
        '%1 在 %2 打印：\n%3',
    ('render', 'killed by %1'):
        '被 %1 杀死',
    ('render', 'exitcode %1'):
        '退出码 %1',
    ('render', ', %1 permits'):
        '，%1 个许可',
    ('render', ', %1 workers'):
        '，%1 个工作进程',
    ('render', 'object: %1 (%2)'):
        '对象：%1（%2）',
    ('render', 'child: %1'):
        '子进程：%1',
    ('render', 'child ended: %1'):
        '子进程已结束：%1',
    ('render', 'sent SIGTERM'):
        '已发送 SIGTERM',
    ('render', 'printed: %1'):
        '打印：%1',
    ('render', 'for %1'):
        '持续 %1',
    ('render', 'semaphore value after: %1'):
        '之后的信号量值：%1',
    ('render', 'lock now held'):
        '锁现在被持有',
    ('render', 'lock now free'):
        '锁现在空闲',
    ('render', 'flag now set'):
        '标志现在已设置',
    ('render', 'flag now clear'):
        '标志现在已清除',
    ('render', 'returned True (flag set)'):
        '返回 True（标志已设置）',
    ('render', 'returned False (timed out)'):
        '返回 False（已超时）',
    ('render', 'item: %1'):
        '数据项：%1',
    ('render', 'queue length after: %1'):
        '之后的队列长度：%1',
    ('render', 'bytes waiting in the pipe after: %1'):
        '之后管道中等待的字节数：%1',
    ('render', 'pipe end: %1'):
        '管道端：%1',
    ('render', 'task #%1: %2'):
        '任务 #%1：%2',
    ('render', 'task #%1 result: %2'):
        '任务 #%1 的结果：%2',
    ('render', 'value: %1'):
        '值：%1',
    ('render', 'unfinished tasks after: %1'):
        '之后未完成的任务数：%1',
    ('render', 'process: %1'):
        '进程：%1',
    ('render', 'at %1 (scenario time)'):
        '于 %1（场景时间）',
    ('render', 'since %1'):
        '自 %1 起',
    ('explain', 'another process'):
        '另一个进程',
    ('explain', 'it'):
        '它',
    ('explain', '%1 waits in join for %2'):
        '%1 在 join 中等待 %2',
    ('explain', '%1 cannot exit until its %3 queued bytes are read, and only %2 would read them'):
        '%1 要等它放入队列的 %3 字节被读走才能退出，而只有 %2 会读取它们',
    ('explain', '%1 cannot exit until its queued bytes are read, and only %2 would read them'):
        '%1 要等它放入队列的字节被读走才能退出，而只有 %2 会读取它们',
    ('explain', '%1 waits for %3, which %2 holds'):
        '%1 等待 %3，而它被 %2 持有',
    ('explain', '%1 waits for an item on %3, and only %2 could put one'):
        '%1 等待 %3 中的数据项，而只有 %2 能放入',
    ('explain', '%1 waits for room in %3, and only %2 could take an item'):
        '%1 等待 %3 腾出空间，而只有 %2 能取出数据项',
    ('explain', '%1 waits for a message on %3, and only %2 could send one'):
        '%1 等待 %3 上的消息，而只有 %2 能发送',
    ('explain', '%1 waits for room in %3, and only %2 could read'):
        '%1 等待 %3 腾出空间，而只有 %2 能读取',
    ('explain', '%1 waits for %3 to be set, and only %2 could set it'):
        '%1 等待 %3 被设置，而只有 %2 能设置它',
    ('explain', '%1 waits in %3.join() for task_done() from %2'):
        '%1 在 %3.join() 中等待 %2 调用 task_done()',
    ('explain', '%1 waits in %3 for %2'):
        '%1 在 %3 中等待 %2',
    ('explain', '; '):
        '；',
    ('explain', 'every process is blocked and none can wake the others'):
        '所有进程都被阻塞，谁也无法唤醒其他进程',
    ('explain', '%1.'):
        '%1。',
    ('render', ' — failed (timed out or would block)'):
        ' — 失败（超时或会阻塞）',
    ('render', 'mpviz trace'):
        'mpviz 跟踪',
    ('ProgramCheck', 'lib2to3 did not answer: %1'):
        'lib2to3 没有响应：%1',
    ('listing', 'read first: now the child can finish and exit'):
        '先读取：这样子进程才能结束并退出',
    ('listing', 'this deadlocks: the child waits for a reader'):
        '这里会死锁：子进程在等待读取者',
    ('listing', 'blocks until the flag is set'):
        '阻塞，直到标志被设置',
    ('listing', 'so that the next wait() blocks again'):
        '这样下一次 wait() 会再次阻塞',
    ('listing', 'False when the timeout passes first'):
        '如果先超时则返回 False',
    ('listing', 'wakes every waiter at once'):
        '一次唤醒所有等待者',
    ('listing', 'the value is dropped: exit code 0'):
        '返回值被丢弃：退出码为 0',
    ('listing', 'wait one second at most'):
        '最多等待一秒',
    ('listing', 'the daemon is still asleep: it is terminated as the program ends'):
        '守护进程仍在睡眠：程序结束时它会被终止',
    ('listing', 'no join: the program still waits for its children before it ends'):
        '没有 join：程序结束前仍会等待它的子进程',
    ('listing', 'everyone takes lock_a before lock_b'):
        '所有进程都先获取 lock_a 再获取 lock_b',
    ('listing', 'the opposite order: each may end up holding what the other wants'):
        '相反的顺序：每个进程都可能持有对方想要的锁',
    ('listing', 'blocks until a message is there'):
        '阻塞，直到有消息到达',
    ('listing', 'duplex: both ends send and receive'):
        '双工：两端都能发送和接收',
    ('listing', 'no more tasks'):
        '不再有新任务',
    ('listing', 'wait until the workers finished them all and exited'):
        '等待工作进程完成所有任务并退出',
    ('listing', 'blocks while the queue is full'):
        '队列满时阻塞',
    ('listing', 'blocks while the queue is empty'):
        '队列为空时阻塞',
    ('listing', 'poison pill: time to stop'):
        '毒丸：该停止了',
    ('listing', 'one pill per consumer'):
        '每个消费者一颗毒丸',
    ('listing', 'until every item got its task_done()'):
        '直到每个数据项都调用过 task_done()',
    ('listing', 'take a permit; blocks while none is left'):
        '获取一个许可；没有剩余许可时阻塞',
    ('listing', 'give the permit back'):
        '归还许可',
    ('listing', 'wait for every worker before the program ends'):
        '程序结束前等待每个工作进程',
    ('listing', 'a read, then a write'):
        '先读，再写',
    ('listing', 'parameter: %1'):
        '参数：%1',
    ('WindowActions', 'Run N times…'):
        '运行 N 次…',
    ('WindowActions', "Run it many times in the background and count how the runs end: a lost update's distribution, a deadlock's odds"):
        '在后台运行很多次，统计各次运行如何结束：丢失更新的分布、死锁的概率',
    ('mpviz::gui::MainWindow', '%1 cannot run: see the program panel'):
        '%1 无法运行：请查看程序面板',
    ('mpviz::gui::MainWindow', 'Pick a lesson first'):
        '请先选择一课',
    ('mpviz::gui::MainWindow', 'Showing run %1 of Run N times'):
        '正在显示“运行 N 次”中的第 %1 次运行',
    ('mpviz::gui::OutcomeChart', 'seeds %1'):
        '种子 %1',
    ('mpviz::gui::OutcomeChart', 'runs %1'):
        '第 %1 次运行',
    ('mpviz::gui::OutcomeChart', 'No run yet. The outcomes appear here as the runs end, most frequent first; click one to open that run in the timeline.'):
        '还没有运行。每次运行结束后，结果会显示在这里，最常见的在前；点击一个结果可在时间线中打开那次运行。',
    ('mpviz::gui::OutcomeChart', '%1 of %2 runs: %3\n%4\nClick to open run %5 in the timeline'):
        '%2 次运行中有 %1 次：%3\n%4\n点击在时间线中打开第 %5 次运行',
    ('mpviz::gui::RepeatDialog', 'Run N times'):
        '运行 N 次',
    ('mpviz::gui::RepeatDialog', 'How many times to run it, one run after the other (up to %1)'):
        '运行多少次，一次接一次（最多 %1 次）',
    ('mpviz::gui::RepeatDialog', 'A different random schedule each run (run i uses seed i)'):
        '每次运行使用不同的随机调度（第 i 次运行使用种子 i）',
    ('mpviz::gui::RepeatDialog', 'Each run is stepped by the random policy with its own seed, so the interleavings differ and any outcome can be replayed exactly. Off: the operating system schedules the processes, as in a normal run'):
        '每次运行都按随机策略、用它自己的种子单步执行，因此交错顺序各不相同，任何结果都能被精确重放。关闭：由操作系统调度进程，和普通运行一样',
    ('mpviz::gui::RepeatDialog', 'Runs:'):
        '次数：',
    ('mpviz::gui::RepeatDialog', 'Start'):
        '开始',
    ('mpviz::gui::RepeatDialog', 'Start the runs (what was counted before is forgotten)'):
        '开始运行（之前的统计会被清除）',
    ('mpviz::gui::RepeatDialog', 'Stop'):
        '停止',
    ('mpviz::gui::RepeatDialog', 'Stop the run going on; the runs already done stay counted'):
        '停止正在进行的运行；已完成的运行仍计入统计',
    ('mpviz::gui::RepeatDialog', 'Close; the counted runs stay until the next Start'):
        '关闭；已统计的运行会保留到下一次“开始”',
    ('mpviz::gui::RepeatDialog', 'Runs %1 again and again, one run after the other, and counts how the runs end: how each ended and the last line it printed. Your run in the window stays as it is.'):
        '一次接一次地反复运行 %1，并统计各次运行如何结束：每次的结束方式及其打印的最后一行。窗口中你自己的运行保持不变。',
    ('mpviz::gui::RepeatDialog', 'the lesson'):
        '本课',
    ('mpviz::gui::RepeatDialog', 'The runs could not start: %1'):
        '无法开始运行：%1',
    ('mpviz::gui::RepeatDialog', '%1 of %2 runs'):
        '%1 / %2 次运行',
    ('mpviz::gui::RepeatDialog', 'Run %1 of %2 is going on…'):
        '正在进行第 %1 次运行，共 %2 次…',
    ('mpviz::gui::RepeatDialog', 'Stopped by an error: %1'):
        '因错误而停止：%1',
    ('mpviz::gui::RepeatDialog', 'Stopped after %1 of %2 runs.'):
        '在 %2 次中的第 %1 次运行后停止。',
    ('mpviz::gui::RepeatDialog', 'One outcome in %1 runs.'):
        '%1 次运行只有一种结果。',
    ('mpviz::gui::RepeatDialog', '%1 outcomes in %2 runs.'):
        '%2 次运行共有 %1 种结果。',
    ('mpviz::gui::RepeatDialog', 'Click one to open its first run in the timeline.'):
        '点击一个结果，可在时间线中打开它的第一次运行。',

    # ---- i18n branch: core's sentences shown by the window, tooltip words (issue 10) ----
    # Why a process is blocked (engine::explainBlocked, the timeline's tooltip).
    ('explain', '%1 is blocked: it waits for %2 to end'):
        '%1 被阻塞：它在等待 %2 结束',
    ('explain', '%1 is blocked: the semaphore %2 has no permits left'):
        '%1 被阻塞：信号量 %2 已没有剩余的许可',
    ('explain', '%1 is blocked: %2 is held by another process'):
        '%1 被阻塞：%2 被另一个进程持有',
    ('explain', '%1 is blocked: %2 is empty'):
        '%1 被阻塞：%2 是空的',
    ('explain', '%1 is blocked: %2 is full'):
        '%1 被阻塞：%2 已满',
    ('explain', '%1 is blocked: nothing has been sent on %2 yet'):
        '%1 被阻塞：%2 上还没有发送任何数据',
    ('explain', "%1 is blocked: %2's buffer is full"):
        '%1 被阻塞：%2 的缓冲区已满',
    ('explain', '%1 is blocked: it waits for %2 to be set'):
        '%1 被阻塞：它在等待 %2 被设置',
    ('explain', '%1 is blocked: it waits until every item of %2 is done'):
        '%1 被阻塞：它在等待 %2 中的每个数据项都处理完毕',
    ('explain', '%1 is blocked: its queued items have not all been read from %2'):
        '%1 被阻塞：它放入 %2 的数据还没有全部被读走',
    ('explain', '%1 is blocked: %2 %3'):
        '%1 被阻塞：%2 %3',
    # A Python program that cannot run (engine::checkPythonProgram).
    ('python', 'no such program: %1'):
        '找不到程序：%1',
    ('python', 'cannot run the Python interpreter %1'):
        '无法运行 Python 解释器 %1',
    ('python', '%1 does not run as a Python interpreter'):
        '%1 无法作为 Python 解释器运行',
    ('python', '%1 is Python %2; mpviz needs Python %3 or newer'):
        '%1 是 Python %2；mpviz 需要 Python %3 或更高版本',
    ('python', "mpviz's Python shim is missing (looked in %1)"):
        '缺少 mpviz 的 Python 适配模块（查找位置：%1）',
    ('python', 'could not check %1 with %2: %3'):
        '无法用 %2 检查 %1：%3',
    ('python', '%1: %2 at line %3: this is Python 2 code'):
        '%1：第 %3 行是 %2，这是 Python 2 代码',
    ('python', 'Python 2 print statement'):
        'Python 2 的 print 语句',
    ('python', 'Python 2 exec statement'):
        'Python 2 的 exec 语句',
    ('python', "Python 2 'except X, e:' clause"):
        "Python 2 的 'except X, e:' 写法",
    ('python', 'Python 2 octal literal'):
        'Python 2 的八进制数写法',
    ('python', '%1 line %2: %3'):
        '%1 第 %2 行：%3',
    ('python', '%1: %2'):
        '%1：%2',
    ('python', "the character '%1' (U+%2 %3) at column %4 cannot be in Python code outside a string"):
        "第 %4 列的字符“%1”（U+%2 %3）不能出现在字符串之外的 Python 代码中",
    ('python', 'cannot read it: %1'):
        '无法读取该文件：%1',
    ('python', 'invalid syntax'):
        '语法错误',
    ('python', 'invalid syntax. Perhaps you forgot a comma?'):
        '语法错误，也许漏了一个逗号？',
    ('python', 'unexpected indent'):
        '意外的缩进',
    ('python', 'expected an indented block'):
        '这里应该有一个缩进的代码块',
    ('python', 'unindent does not match any outer indentation level'):
        '取消缩进后与外层的任何缩进层级都不对齐',
    ('python', 'inconsistent use of tabs and spaces in indentation'):
        '缩进中混用了制表符和空格',
    ('python', "expected ':'"):
        "这里缺少冒号“:”",
    ('python', 'unterminated string literal'):
        '字符串没有结束引号',
    ('python', 'unexpected EOF while parsing'):
        '代码在语句结束前就到了文件末尾',
    ('python', 'invalid decimal literal'):
        '无效的十进制数字',
    ('python', 'source code string cannot contain null bytes'):
        '源代码中不能包含空字节（\\0）',
    # What to do about it, in the window's terms.
    ('ProgramCheck', '%1. Open a program that exists (File ▸ Open Python program…).'):
        '%1。请打开一个存在的程序（文件 ▸ 打开 Python 程序…）。',
    ('ProgramCheck', '%1. Install python3, or choose another interpreter in the Python field.'):
        '%1。请安装 python3，或在“Python”一栏中选择其他解释器。',
    ('ProgramCheck', '%1. Reinstall mpviz.'):
        '%1。请重新安装 mpviz。',
    ('ProgramCheck', '%1. Fix that line, save, and press Run again.'):
        '%1。请修改这一行，保存后再按“运行”。',
    ('ProgramCheck', '%1. mpviz can run a copy converted by lib2to3; your file is not changed.'):
        '%1。mpviz 可以运行一份由 lib2to3 转换过的副本，你的文件不会被改动。',
    ('ProgramCheck', 'lib2to3 failed: %1'):
        'lib2to3 转换失败：%1',
    # The timeline's tooltip.
    ('render', 'intent'):
        '即将执行',
    ('render', 'done'):
        '完成',
    ('render', 'begin'):
        '开始',
    ('render', 'failed'):
        '失败',
    ('render', ' (%1)'):
        '（%1）',
    ('render', '%1: %2'):
        '%1：%2',
    ('render', 'lock'):
        '锁',
    ('render', 'semaphore'):
        '信号量',
    ('render', 'event'):
        '事件',
    ('render', 'queue'):
        '队列',
    ('render', 'joinable_queue'):
        '可 join 的队列',
    ('render', 'pipe'):
        '管道',
    ('render', 'pool'):
        '进程池',
    ('render', 'value'):
        '共享值',
    ('render', 'array'):
        '共享数组',
    ('render', ', maxsize %1'):
        '，maxsize %1',
    ('render', 'element [%1] = %2'):
        '元素 [%1] = %2',
    ('render', 'pid %1'):
        'pid %1',
    ('render', 'daemon'):
        '守护进程',
    # Run N times: how a run ended (engine::outcomeText).
    ('outcome', 'running'):
        '运行中',
    ('outcome', 'completed'):
        '已完成',
    ('outcome', 'deadlock'):
        '死锁',
    ('outcome', 'timeout'):
        '超时',
    ('outcome', 'stopped'):
        '已停止',
    ('outcome', '%1 (%2)'):
        '%1（%2）',
    ('outcome', '%1: %2'):
        '%1：%2',
    # Qt's standard buttons in mpviz's dialogs (language.cpp, kStandardButtons).
    ('QPlatformTheme', 'OK'):
        '确定',
    ('QPlatformTheme', 'Cancel'):
        '取消',
    ('QPlatformTheme', 'Close'):
        '关闭',
    ('QGnomeTheme', 'OK'):
        '确定',
    ('QGnomeTheme', '&Cancel'):
        '取消(&C)',
    ('QGnomeTheme', '&Close'):
        '关闭(&C)',
    # ---- end of the i18n branch's group ----
    # --- spans (issue 11): held locks and permits, lost updates ---
    ('render', 'holds the lock'):
        '持有锁',
    ('render', 'holds a permit'):
        '持有许可',
    ('render', '%1 (owner died)'):
        '%1（持有者已退出）',
    ('render', 'lost update'):
        '丢失的更新',
    ('NumberCard', "lost update: %1 wrote %2 over %3's %4"):
        '丢失的更新：%1 写入 %2，覆盖了 %3 写入的 %4',
    ('NumberCard', "%1 lost updates, the last: %2 wrote %3 over %4's %5"):
        '丢失了 %1 次更新，最近一次：%2 写入 %3，覆盖了 %4 写入的 %5',
    ('NumberCard', "lost update in %1: %2 wrote %3 over %4's %5"):
        '%1 中丢失的更新：%2 写入 %3，覆盖了 %4 写入的 %5',
    ('NumberCard', "%1 lost updates, the last in %2: %3 wrote %4 over %5's %6"):
        '丢失了 %1 次更新，最近一次在 %2：%3 写入 %4，覆盖了 %5 写入的 %6',
    ('render', '%1: permits free'):
        '%1：可用许可',
    ('render', '%1: items'):
        '%1：数据项',
    ('lesson', "The semaphore 'sem' starts with `permits` permits; its card counts the permits free, one fewer at each acquire and one more at each release, and the 'sem' track under the lanes charts that count over time; a band under a worker's bar shows it holding a permit. Only that many workers are ever between 'acquired' and 'released': the rest are blocked on acquire until a holder releases, so the workers go through in waves of `permits`, each `hold` seconds long. A Lock is the special case permits=1; with permits >= workers nobody waits at all. This is how a program caps the use of a scarce resource, such as connections to a database."):
        "信号量 'sem' 初始有 `permits` 个许可；它的卡片显示可用的许可数，每次 acquire 减一，每次 release 加一，进程行下方的 'sem' 轨道画出这个数随时间的变化；工作进程的条下方的一条带表示它持有一个许可。任何时候处于 'acquired' 与 'released' 之间的工作进程都不会超过这个数：其余的阻塞在 acquire 上，直到有持有者释放，因此工作进程以每批 `permits` 个、每批 `hold` 秒的节奏通过。锁 Lock 是 permits=1 的特例；当 permits >= workers 时，谁也不用等待。程序正是这样限制稀缺资源（例如数据库连接）的使用的。",
    ('lesson', "Process-1 makes an ice-lolly a second; each consumer takes one and needs 5 s to eat it. Watch the 'queue' card (and the 'queue' track under the lanes, its length over time) fill up to maxsize: from then on the producer is blocked on put until a consumer takes one, so the fast producer is held to the consumers' pace (back-pressure), while an empty queue blocks consumers on get. More consumers drain it faster. When the producer is done, MainProcess puts one poison pill (None) per consumer behind the remaining items; a consumer that gets one prints 'Exiting' and leaves its loop. queue.join() blocks MainProcess until every item, pills included, has had its task_done()."):
        "Process-1 每秒做一根冰棍；每个消费者取走一根，要花 5 秒吃完。观察 'queue' 卡片（以及进程行下方的 'queue' 轨道，即它的长度随时间的变化）被填满到 maxsize：从此生产者阻塞在 put 上，直到有消费者取走一根，于是快速的生产者被拖到消费者的节奏（背压），而空队列会让消费者阻塞在 get 上。消费者越多，队列清空得越快。生产者完成后，主进程 MainProcess 在剩余数据项之后为每个消费者放入一颗“毒丸”（None）；取到毒丸的消费者打印 'Exiting' 并退出循环。queue.join() 让主进程一直阻塞，直到每个数据项（包括毒丸）都调用过 task_done()。",
    ('lesson', "'v' lives in shared memory, so every worker sees the same number, and each `v.value += 1` is two steps: a read, then a write (both show on the timeline and on the 'v' card; the 'v' track under the lanes charts the number). With use_lock each worker holds 'lock' for its whole loop: the others are blocked on acquire, the workers take turns and the final value is exactly workers x increments. Set use_lock=false and they run together: if one reads between another's read and write, both write the same number and an increment is lost, so the final value falls short of the expected one. In run mode the window is tiny and losses are rare; in step mode, grant a read to each worker before either writes and you lose one every time: the write that erases the other's is ringed 'lost update' on the timeline and named on the 'v' card."):
        "'v' 位于共享内存中，所以每个工作进程看到的是同一个数，而每次 `v.value += 1` 分两步：先读，再写（两步都显示在时间线和 'v' 卡片上；进程行下方的 'v' 轨道画出这个数）。开启 use_lock 时，每个工作进程在整个循环期间持有 'lock'：其他进程阻塞在 acquire 上，工作进程轮流执行，最终值恰好是 workers x increments。设置 use_lock=false 后它们一起运行：如果一个进程在另一个进程的读和写之间读取，两者会写入同一个数，一次加一就丢失了，于是最终值小于预期。在运行模式下这个时间窗口很小，丢失很少见；在单步模式下，让每个工作进程都先读、再让任何一个写，每次都会丢失一次更新：抹掉对方那次写入的写入会在时间线上被圈出并标为“丢失的更新”，并在 'v' 卡片上写明。",
    # --- issue 11's small defects: short end marks, held-band tooltips, the toolbar's short
    # words ---
    ('render', 'killed'):
        '被杀死',
    ('render', 'holds the lock %1'):
        '持有锁 %1',
    ('render', 'holds a permit of %1'):
        '持有 %1 的一个许可',
    ('render', 'it ended holding it: the permit never came back'):
        '它在持有时结束：这个许可再也没有归还',
    ('render', 'it ended holding it (owner died): nobody can release it'):
        '它在持有时结束（持有者已退出）：没有人能释放它',
    ('mpviz::gui::MainWindow', 'Follow'):
        '跟随',
    ('mpviz::gui::MainWindow', 'Export'):
        '导出',
    ('mpviz::gui::MainWindow', 'Present'):
        '演示',
}
