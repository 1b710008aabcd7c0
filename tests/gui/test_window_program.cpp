// The window runs the user's own Python programs: real CPython, through the real engine and
// mpviz's shim. The programs here are small ones of our own.

#include "catch_qt.hpp"
#include "window_options.hpp"

#include "gui/code/code_view.hpp"
#include "gui/program/program_panel.hpp"
#include "gui/program/python2_dialog.hpp"
#include "gui/run/run_controller.hpp"
#include "gui/run/view_state.hpp"
#include "gui/window/main_window.hpp"
#include "gui/window/speed_control.hpp"
#include "render/labels.hpp"

#include "engine/python_program.hpp"

#include <QAction>
#include <QComboBox>
#include <QDropEvent>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QUrl>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

using namespace mpviz;
using mpviz::testing::waitUntil;

namespace {

// A kitchen: two cooks take turns at the counter (a Lock) and put plates on a Queue; then
// a Pool of two squares what was served.
constexpr const char* kKitchen = R"(import multiprocessing as mp


def cook(order, counter_lock, plates):
    with counter_lock:
        print('cooking', order)
    plates.put(order + 1)


def square(n):
    return n * n


if __name__ == '__main__':
    counter_lock = mp.Lock()
    plates = mp.Queue()
    cooks = [mp.Process(target=cook, args=(i, counter_lock, plates)) for i in range(2)]
    for c in cooks:
        c.start()
    served = [plates.get() for _ in cooks]
    for c in cooks:
        c.join()
    with mp.Pool(2) as pool:
        print('squares', sorted(pool.map(square, served)))
)";

// Never ends by itself: a ticker child puts on a queue forever, under a lock.
constexpr const char* kForever = R"(import multiprocessing
import time


def ticker(q, guard):
    n = 0
    while True:
        with guard:
            n += 1
        q.put(n)
        time.sleep(0.05)


if __name__ == '__main__':
    ticks = multiprocessing.Queue()
    guard = multiprocessing.Lock()
    multiprocessing.Process(target=ticker, args=(ticks, guard), daemon=True).start()
    while True:
        print('tick', ticks.get())
)";

// Python 2: a print statement on line 3, xrange on line 5.
constexpr const char* kPython2 = R"(import os

print "greetings from", "python two"
total = 0
for i in xrange(4):
    total += i
print "total", total
)";

// Runs the open program at the 20× quick look until it ends (at most `timeoutMs`).
trace::Outcome runProgramToEnd(gui::MainWindow& w, int timeoutMs = 30000) {
    w.speedControl()->setQuickLook(true);
    w.actions().run->trigger();
    REQUIRE(w.controller()->isLive());
    REQUIRE(waitUntil([&] { return !w.controller()->isLive(); }, timeoutMs));
    QCoreApplication::processEvents(); // the last refresh
    return w.controller()->outcome();
}

QStringList processNames(gui::MainWindow& w) {
    QStringList names;
    w.controller()->trace()->read([&](const trace::TraceData& d) {
        for (const auto& p : d.processes())
            names << QString::fromStdString(p.name);
    });
    return names;
}

QStringList printedLines(gui::MainWindow& w) {
    QStringList lines;
    w.controller()->trace()->read([&](const trace::TraceData& d) {
        for (const auto& e : d.events())
            if (e.op == trace::Op::Print) lines << render::toQString(d.text(e.text));
    });
    return lines;
}

std::vector<std::string> shmEntriesOf(const std::string& session) {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/shm"))
        if (entry.path().filename().string().find(session) != std::string::npos)
            found.push_back(entry.path().filename());
    return found;
}

} // namespace

TEST_CASE("Opening a program of your own shows its lanes and code and the primitives it uses",
          "[gui][program][process]") {
    mpviz::testing::TestWindow w;
    const QString file = w.writeFile("kitchen.py", kKitchen);
    CHECK(w.openProgram(file).isEmpty());
    CHECK(w.programOpen());

    // Before it runs: its name and path, its own code, what is not drawn.
    CHECK(w.programPanel()->title() == QStringLiteral("kitchen.py"));
    CHECK(w.programPanel()->titleTooltip() == file);
    CHECK(w.programPanel()->isVisible());
    CHECK(w.codeView()->toPlainText() == QString::fromUtf8(kKitchen));
    CHECK(w.programPanel()->notShownText().isEmpty()); // it uses no Manager, no Barrier
    CHECK(w.windowTitle().contains(QStringLiteral("kitchen.py")));

    CHECK(runProgramToEnd(w) == trace::Outcome::Completed);
    const QStringList names = processNames(w);
    INFO(names.join(QStringLiteral(", ")).toStdString());
    CHECK(names.count(QStringLiteral("MainProcess")) == 1);
    CHECK(names.contains(QStringLiteral("Process-1")));
    CHECK(names.contains(QStringLiteral("Process-2")));
    CHECK(names.filter(QStringLiteral("ForkPoolWorker-")).size() == 2);
    const QStringList printed = printedLines(w);
    CHECK(printed.contains(QStringLiteral("cooking 0")));
    CHECK(printed.contains(QStringLiteral("squares [1, 4]")));

    const QString used = w.programPanel()->primitivesText();
    CHECK(used.contains(QStringLiteral("Lock 'counter_lock'")));
    CHECK(used.contains(QStringLiteral("Queue 'plates'")));
    CHECK(used.contains(QStringLiteral("Pool 'pool' (2 workers)")));
    // The code panel still shows the program, and Recent remembers it.
    CHECK(w.codeView()->toPlainText() == QString::fromUtf8(kKitchen));
    // Selecting what a process did highlights the line of the program that did it: each
    // cook's put is line 7 and its print line 6; MainProcess gets the plates on line 20 and
    // the pool's results (a get on the pool) on line 24.
    std::map<std::string, std::set<int>> linesOf;
    const auto trace = w.controller()->trace();
    REQUIRE(trace);
    std::vector<std::pair<std::string, std::uint32_t>> picked;
    trace->read([&](const trace::TraceData& d) {
        for (std::uint32_t i = 0; i < d.events().size(); ++i) {
            const auto& e = d.events()[i];
            const auto& name = d.processes()[e.process].name;
            if (e.phase != trace::Phase::Done) continue;
            if ((e.op == trace::Op::Put || e.op == trace::Op::Print) &&
                name.starts_with("Process-"))
                picked.emplace_back(name + " " + std::string(trace::opName(e.op)), i);
            if (e.op == trace::Op::Get && name == "MainProcess")
                picked.emplace_back(name + " get", i);
        }
    });
    for (const auto& [what, event] : picked) {
        w.viewState()->select(event);
        linesOf[what.substr(what.find(' ') + 1) + (what.starts_with("Main") ? " main" : "")].insert(
            w.codeView()->highlightedLine());
    }
    CHECK(linesOf["put"] == std::set<int>{7});
    CHECK(linesOf["print"] == std::set<int>{6});
    CHECK(linesOf["get main"] == std::set<int>{20, 24});
    QStringList recent;
    for (auto* a : w.recentProgramsMenu()->actions())
        recent << a->toolTip();
    CHECK(recent.contains(file));
}

TEST_CASE("Python 2 code names the file and line and runs as a converted copy",
          "[gui][program][process]") {
    mpviz::testing::TestWindow w;
    const QString file = w.writeFile("oldstyle.py", kPython2);
    const QString problem = w.openProgram(file);
    INFO(problem.toStdString());
    CHECK(problem.contains(QStringLiteral("oldstyle.py")));
    CHECK(problem.contains(QStringLiteral("line 3")));
    CHECK_FALSE(problem.contains(QStringLiteral("--convert-python2")));
    CHECK(w.programPanel()->problemText() == problem);
    CHECK(w.programPanel()->convertButton()->isVisibleTo(w.programPanel()));
    CHECK(w.codeView()->highlightedLine() == 3);

    // Run refuses; the conversion is offered with lib2to3's diff.
    w.actions().run->trigger();
    CHECK_FALSE(w.controller()->isLive());
    gui::Python2Dialog* offer = w.python2Dialog();
    REQUIRE(offer);
    const QString diff = offer->diffText();
    INFO(diff.toStdString());
    CHECK(diff.contains(QStringLiteral("-print \"greetings from\", \"python two\"")));
    CHECK(diff.contains(QStringLiteral("+print(\"greetings from\", \"python two\")")));
    CHECK(diff.contains(QStringLiteral("+for i in range(4):")));

    w.speedControl()->setQuickLook(true);
    offer->runButton()->click();
    REQUIRE(waitUntil([&] { return w.controller()->hasSession() && !w.controller()->isLive(); },
                      30000));
    QCoreApplication::processEvents();
    CHECK(w.controller()->outcome() == trace::Outcome::Completed);
    const QStringList printed = printedLines(w);
    CHECK(printed.contains(QStringLiteral("greetings from python two")));
    CHECK(printed.contains(QStringLiteral("total 6")));
    CHECK(w.programPanel()->problemText().isEmpty());
    CHECK(w.codeView()->toPlainText().contains(QStringLiteral("for i in range(4):")));
    // The user's file is never modified.
    QFile f(file);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == QByteArray(kPython2));
}

TEST_CASE("A program that cannot run says why and starts nothing", "[gui][program]") {
    mpviz::testing::TestWindow w;
    // Prose pasted into code: a full-width comma on line 2.
    const QString file = w.writeFile("pasted.py", "import os\nprint('a'\xef\xbc\x8c 'b')\n");
    const QString problem = w.openProgram(file);
    INFO(problem.toStdString());
    CHECK(problem.contains(QStringLiteral("pasted.py")));
    CHECK(problem.contains(QStringLiteral("line 2")));
    CHECK(problem.contains(QStringLiteral("U+FF0C")));
    CHECK_FALSE(w.programPanel()->convertButton()->isVisibleTo(w.programPanel()));
    CHECK(w.findChild<QWidget*>(QStringLiteral("programProblemDialog")));
    w.actions().run->trigger();
    CHECK_FALSE(w.controller()->isLive());
    CHECK_FALSE(w.controller()->hasSession());

    const QString missing = w.openProgram(w.pathOf("nowhere.py"));
    CHECK(missing.contains(QStringLiteral("nowhere.py")));
}

TEST_CASE(
    "A program that waits on a Condition or a Barrier or uses a Manager is told what is not seen",
    "[gui][program]") {
    mpviz::testing::TestWindow w;
    const QString file = w.writeFile("meet.py", R"(import multiprocessing as mp


def arrive(gate):
    gate.wait()


if __name__ == "__main__":
    gate = mp.Barrier(2)
    # a Condition() named in a comment is not one the program makes
    others = [mp.Process(target=arrive, args=(gate,)) for _ in range(2)]
)");
    CHECK(w.openProgram(file).isEmpty());
    const QString note = w.programPanel()->notShownText();
    INFO(note.toStdString());
    CHECK(note.contains(QStringLiteral("Barrier")));
    CHECK(note.contains(QStringLiteral("drawn as running")));
    CHECK_FALSE(note.contains(QStringLiteral("Condition")));
    CHECK_FALSE(note.contains(QStringLiteral("Manager")));

    const QString listed = w.writeFile("listed.py", R"(import multiprocessing as mp

if __name__ == "__main__":
    with mp.Manager() as manager:
        names = manager.list()
)");
    CHECK(w.openProgram(listed).isEmpty());
    const QString managerNote = w.programPanel()->notShownText();
    INFO(managerNote.toStdString());
    CHECK(managerNote.contains(QStringLiteral("a Manager")));
    CHECK(managerNote.contains(QStringLiteral("not its objects or calls")));
}

TEST_CASE("Stop on a never ending program leaves no process and no shared memory and no session "
          "directory",
          "[gui][program][process]") {
    mpviz::testing::TestWindow w;
    const QString file = w.writeFile("forever.py", kForever);
    REQUIRE(w.openProgram(file).isEmpty());
    // Under spawn the Lock and the Queue's semaphores keep their names in /dev/shm (fork
    // unlinks them at once), and CPython starts its resource tracker: more to leave behind.
    w.setProgramOptions(QString(), QStringLiteral("spawn"));
    w.speedControl()->setSpeed(1);
    w.actions().run->trigger();
    REQUIRE(w.controller()->isLive());
    const std::string session = w.controller()->sessionId();
    REQUIRE_FALSE(session.empty());

    // It ticks for a while: both processes there, the queue moving.
    std::vector<int> pids;
    REQUIRE(waitUntil(
        [&] {
            pids.clear();
            int ticks = 0;
            w.controller()->trace()->read([&](const trace::TraceData& d) {
                for (const auto& p : d.processes())
                    pids.push_back(p.pid);
                for (const auto& e : d.events())
                    ticks += e.op == trace::Op::Print;
            });
            return pids.size() == 2 && ticks >= 5;
        },
        20000));
    CHECK(w.controller()->isLive());            // no time limit in the window unless one is set
    CHECK_FALSE(shmEntriesOf(session).empty()); // its Lock and Queue are named semaphores

    w.actions().stop->trigger();
    REQUIRE(waitUntil([&] { return !w.controller()->isLive(); }, 10000));
    CHECK(w.controller()->outcome() == trace::Outcome::Stopped);
    for (int pid : pids)
        CHECK_FALSE(mpviz::testing::processRunning(pid));
    CHECK(waitUntil([] { return testing::ourLiveChildren().empty(); }, 5000)); // no helper either
    CHECK(shmEntriesOf(session).empty());
    CHECK_FALSE(
        std::filesystem::exists(std::filesystem::temp_directory_path() / ("mpviz-" + session)));
}

TEST_CASE("Step mode holds a program's processes until the person lets each operation go",
          "[gui][program][step][process]") {
    mpviz::testing::TestWindow w;
    // Two workers add one to a shared Value without its lock: a read and a write each.
    const QString file = QString::fromUtf8(MPVIZ_TEST_PROGRAMS) + QStringLiteral("/lost_update.py");
    REQUIRE(w.openProgram(file).isEmpty());
    w.setStepMode(true);
    w.actions().run->trigger();
    REQUIRE(w.controller()->isLive());
    REQUIRE(w.controller()->stepMode());

    // Nothing moves without a grant: the first operation waits, and stays waiting.
    REQUIRE(waitUntil([&] { return !w.controller()->pendingIntents().empty(); }, 15000));
    const auto first = w.controller()->pendingIntents().front();
    mpviz::testing::spin(300, [] {});
    REQUIRE(w.controller()->pendingIntents().size() == 1);
    CHECK(w.controller()->pendingIntents().front().process == first.process);
    CHECK(w.controller()->pendingIntents().front().op == first.op);
    CHECK(w.controller()->grantLog().empty());

    // Step (→) until it ends: every grant is one operation of one process.
    int steps = 0;
    const bool ended = waitUntil(
        [&] {
            if (!w.controller()->isLive()) return true;
            // One press at a time: the previous grant is through before the next.
            const bool settled = static_cast<int>(w.controller()->grantLog().size()) == steps;
            if (settled && !w.controller()->pendingIntents().empty() && steps < 400) {
                w.stepActions().step->trigger();
                ++steps;
            }
            return false;
        },
        60000);
    REQUIRE(ended);
    CHECK(w.controller()->outcome() == trace::Outcome::Completed);
    const auto grants = w.controller()->grantLog();
    CHECK(static_cast<int>(grants.size()) == steps);
    CHECK(std::count(grants.begin(), grants.end(), "Process-1") >= 2); // its read and write
    CHECK(std::count(grants.begin(), grants.end(), "Process-2") >= 2);
    CHECK(printedLines(w).filter(QStringLiteral("counter: ")).size() == 1);
}

TEST_CASE("Dropping a py file on the window opens it", "[gui][program]") {
    mpviz::testing::TestWindow w;
    const QString file = w.writeFile("dropped.py", kKitchen);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(file)});
    const QPoint at = w.rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &enter);
    CHECK(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &drop);
    CHECK(w.programOpen());
    CHECK(w.programPanel()->title() == QStringLiteral("dropped.py"));
    CHECK(w.codeView()->toPlainText() == QString::fromUtf8(kKitchen));

    // Something else is refused.
    QMimeData text;
    text.setUrls({QUrl::fromLocalFile(w.pathOf("notes.txt"))});
    QDragEnterEvent other(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    other.setAccepted(false);
    QCoreApplication::sendEvent(&w, &other);
    CHECK_FALSE(other.isAccepted());
}

TEST_CASE("Each program's arguments and start method and speed are remembered with the recent "
          "programs",
          "[gui][program][settings]") {
    QTemporaryDir dir;
    const QString file = mpviz::testing::writeFileIn(dir, "kitchen.py", kKitchen);
    const gui::WindowOptions o = mpviz::testing::rememberingWindowOptions(dir);
    {
        gui::MainWindow w(o);
        w.openProgram(file);
        w.programPanel()->argumentsEdit()->setText(QStringLiteral("--rounds 3 \"two words\""));
        Q_EMIT w.programPanel()->argumentsEdit()->editingFinished();
        w.programPanel()->startMethodBox()->setCurrentIndex(
            w.programPanel()->startMethodBox()->findData(QStringLiteral("spawn")));
        w.speedControl()->setSpeed(2.5);
        CHECK(w.programPanel()->arguments() ==
              std::vector<std::string>{"--rounds", "3", "two words"});
        w.close();
    }
    gui::MainWindow w(o);
    w.speedControl()->setSpeed(1);
    REQUIRE(w.recentProgramsMenu()->actions().size() >= 1);
    CHECK(w.recentProgramsMenu()->actions().front()->toolTip() == file);
    w.recentProgramsMenu()->actions().front()->trigger(); // opens it again
    CHECK(w.programOpen());
    CHECK(w.programPanel()->argumentsText() == QStringLiteral("--rounds 3 \"two words\""));
    CHECK(w.programPanel()->startMethod() == "spawn");
    CHECK(w.speedControl()->speed() == Approx(2.5));
    // Back to the lessons: the picker and a lesson's listing again.
    w.closeProgram();
    CHECK_FALSE(w.programOpen());
    CHECK_FALSE(w.codeView()->toPlainText().contains(QStringLiteral("def cook")));
}

TEST_CASE("Ctrl+O opens a Python program and Ctrl+Shift+O a saved trace", "[gui][program]") {
    QTemporaryDir dir;
    gui::MainWindow w(mpviz::testing::testWindowOptions(dir));
    CHECK(w.actions().openProgram->shortcut() == QKeySequence(QKeySequence::Open));
    CHECK(w.actions().openTrace->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
}

TEST_CASE("The Python that runs a program can be chosen, is checked at once and is remembered",
          "[gui][program][settings]") {
    QTemporaryDir dir;
    const QString file = mpviz::testing::writeFileIn(dir, "which.py", R"(import multiprocessing
import sys

if __name__ == '__main__':
    print('run by', sys.executable)
)");
    // A virtual environment's bin/python is a link to the system's interpreter.
    const QString venvPython = dir.filePath(QStringLiteral("venv-python3"));
    std::filesystem::create_symlink(engine::defaultPythonInterpreter(), venvPython.toStdString());
    const gui::WindowOptions o = mpviz::testing::rememberingWindowOptions(dir);
    const auto choose = [](gui::MainWindow& w, const QString& interpreter) {
        w.programPanel()->interpreterEdit()->setText(interpreter);
        Q_EMIT w.programPanel()->interpreterEdit()->editingFinished();
    };
    {
        gui::MainWindow w(o);
        w.show();
        REQUIRE(w.openProgram(file).isEmpty());
        CHECK(w.programPanel()->interpreterEdit()->placeholderText().toStdString() ==
              engine::defaultPythonInterpreter().string());

        choose(w, dir.filePath(QStringLiteral("no-such-python")));
        CHECK(w.programPanel()->problemText().contains(QStringLiteral("no-such-python")));
        w.actions().run->trigger();
        CHECK_FALSE(w.controller()->isLive());

        choose(w, venvPython);
        CHECK(w.programPanel()->problemText().isEmpty());
        REQUIRE(runProgramToEnd(w) == trace::Outcome::Completed);
        CHECK(printedLines(w).contains(QStringLiteral("run by ") + venvPython));
        w.close();
    }
    gui::MainWindow w(o);
    w.recentProgramsMenu()->actions().front()->trigger();
    CHECK(w.programPanel()->interpreter() == venvPython.toStdString());
}
