// The code panel's parameter lines (`PERMITS = 2`, `FIXED = False` …) carry the values of
// the run on screen: live, replayed by Step back or "Show the fixed version", or opened
// from a trace file; with nothing run yet, the picker's values.

#include "catch_qt.hpp"
#include "window_options.hpp"

#include "gui/code/code_view.hpp"
#include "gui/run/run_controller.hpp"
#include "gui/run/view_state.hpp"
#include "gui/window/deadlock_banner.hpp"
#include "gui/window/main_window.hpp"
#include "gui/window/speed_control.hpp"
#include "scenario.hpp"

#include <QAction>
#include <QPushButton>

#include <optional>
#include <string_view>

using namespace mpviz;
using mpviz::testing::waitUntil;

namespace {

// The listing's line that sets `constant`, e.g. "PERMITS = 2  # parameter: permits".
QString lineOf(const QString& listing, const QString& constant) {
    for (const QString& line : listing.split(QLatin1Char('\n')))
        if (line.startsWith(constant + QStringLiteral(" = "))) return line;
    return {};
}

QString shown(gui::MainWindow& w, const char* constant) {
    return lineOf(w.codeView()->toPlainText(), QString::fromLatin1(constant));
}

QString valueShown(gui::MainWindow& w, const char* constant) {
    const QString line = shown(w, constant);
    const auto from = line.indexOf(QStringLiteral(" = ")) + 3;
    return line.mid(from, line.indexOf(QLatin1Char(' '), from) - from);
}

bool runToEnd(gui::MainWindow& w) {
    return waitUntil([&] { return !w.controller()->isLive(); }, 30000);
}

// The first event of the run on screen that is `op` by a process named `who`, if any.
std::optional<std::uint32_t> firstEvent(gui::MainWindow& w, trace::Op op, std::string_view who) {
    std::optional<std::uint32_t> found;
    if (const auto trace = w.controller()->trace())
        trace->read([&](const trace::TraceData& d) {
            for (std::uint32_t i = 0; i < d.events().size() && !found; ++i)
                if (d.events()[i].op == op && d.events()[i].phase == trace::Phase::Done &&
                    d.processes()[d.events()[i].process].name.starts_with(who))
                    found = i;
        });
    return found;
}

// The line the code panel highlights once that event is selected (-1: no such event).
int lineShownFor(gui::MainWindow& w, trace::Op op, std::string_view who = "Process-") {
    const auto event = firstEvent(w, op, who);
    if (!event) return -1;
    w.viewState()->select(*event);
    return w.codeView()->highlightedLine();
}

} // namespace

TEST_CASE("Every parameter of every lesson has a listing line that takes the run's value",
          "[gui][code]") {
    for (const auto& lesson : scenarios::all()) {
        INFO(lesson.id);
        std::map<std::string, std::string> changed;
        for (const auto& p : lesson.parameters) {
            CHECK(lesson.listing.find("# parameter: " + p.name + "\n") != std::string::npos);
            switch (p.kind) {
            case scenarios::Parameter::Kind::Integer:
                changed[p.name] = std::to_string(std::int64_t(p.maximum));
                break;
            case scenarios::Parameter::Kind::Number:
                changed[p.name] = "0.25";
                break;
            case scenarios::Parameter::Kind::Flag:
                changed[p.name] = p.defaultValue != 0 ? "false" : "true";
                break;
            }
        }
        const QString listing = QString::fromStdString(scenarios::listingWith(lesson, changed));
        // Only the values change: the code panel's line numbers stay the listing's.
        CHECK(listing.count(QLatin1Char('\n')) ==
              QString::fromStdString(lesson.listing).count(QLatin1Char('\n')));
        for (const auto& p : lesson.parameters) {
            const QString constant = QString::fromStdString(p.name).toUpper();
            const QString line = lineOf(listing, constant);
            INFO(line.toStdString());
            QString python = QString::fromStdString(changed[p.name]);
            if (p.kind == scenarios::Parameter::Kind::Flag)
                python = python == QStringLiteral("true") ? QStringLiteral("True")
                                                          : QStringLiteral("False");
            CHECK(line == constant + QStringLiteral(" = ") + python +
                              QStringLiteral("  # parameter: ") + QString::fromStdString(p.name));
        }
    }
    // Numbers read as Python writes them; what does not read as the parameter keeps the
    // listing's default.
    const auto* semaphore = scenarios::find("semaphore");
    REQUIRE(semaphore);
    const QString odd = QString::fromStdString(scenarios::listingWith(
        *semaphore, {{"hold", "5"}, {"permits", "lots"}, {"workers", "2.5"}}));
    CHECK(lineOf(odd, QStringLiteral("HOLD")).startsWith(QStringLiteral("HOLD = 5.0  #")));
    CHECK(lineOf(odd, QStringLiteral("PERMITS")).startsWith(QStringLiteral("PERMITS = 2  #")));
    CHECK(lineOf(odd, QStringLiteral("WORKERS")).startsWith(QStringLiteral("WORKERS = 5  #")));
}

TEST_CASE("The code panel shows the parameters of the run on screen, live, finished and opened",
          "[gui][code][process]") {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("semaphore.json"));
    {
        gui::MainWindow w(mpviz::testing::testWindowOptions(dir));
        w.show();
        REQUIRE(w.selectScenario(QStringLiteral("semaphore")));
        // Before any run: the values the next run would use.
        w.setParameters({{"workers", "8"}, {"permits", "3"}, {"hold", "0.5"}});
        CHECK(valueShown(w, "WORKERS") == QStringLiteral("8"));
        CHECK(valueShown(w, "PERMITS") == QStringLiteral("3"));
        CHECK(valueShown(w, "HOLD") == QStringLiteral("0.5"));

        w.speedControl()->setQuickLook(true);
        w.actions().run->trigger();
        REQUIRE(w.controller()->isLive());
        CHECK(valueShown(w, "PERMITS") == QStringLiteral("3")); // live
        REQUIRE(runToEnd(w));
        // A selected operation highlights the listing line the lesson sent with it.
        CHECK(lineShownFor(w, trace::Op::Acquire) == 10);              // sem.acquire()
        CHECK(lineShownFor(w, trace::Op::Sleep) == 12);                // time.sleep(hold)
        CHECK(lineShownFor(w, trace::Op::Release) == 14);              // sem.release()
        CHECK(lineShownFor(w, trace::Op::Start, "MainProcess") == 21); // p.start()
        REQUIRE(w.saveTrace(file).isEmpty());

        // Editing the form does not rewrite the finished run's code; a new run does.
        w.setParameters({{"permits", "1"}});
        CHECK(valueShown(w, "PERMITS") == QStringLiteral("3"));
        w.actions().run->trigger();
        CHECK(valueShown(w, "PERMITS") == QStringLiteral("1"));
        REQUIRE(runToEnd(w));
        CHECK(valueShown(w, "PERMITS") == QStringLiteral("1"));
    }

    // Opened from a file: its otherData.params, whatever the picker held before.
    gui::MainWindow w(mpviz::testing::testWindowOptions(dir));
    w.show();
    REQUIRE(w.selectScenario(QStringLiteral("semaphore")));
    CHECK(valueShown(w, "WORKERS") == QStringLiteral("5"));
    REQUIRE(w.openTrace(file).isEmpty());
    CHECK(valueShown(w, "WORKERS") == QStringLiteral("8"));
    CHECK(valueShown(w, "PERMITS") == QStringLiteral("3"));
    CHECK(valueShown(w, "HOLD") == QStringLiteral("0.5"));
    // The file keeps each event's line of the listing.
    CHECK(lineShownFor(w, trace::Op::Acquire) == 10);
    CHECK(lineShownFor(w, trace::Op::Release) == 14);
    // p.join(); or p.start(), when a worker had already ended: start() reaps ended children
    // first, as CPython's _cleanup() does, and that is recorded as a join on its line.
    const int joinLine = lineShownFor(w, trace::Op::Join, "MainProcess");
    CHECK((joinLine == 23 || joinLine == 21));
}

TEST_CASE("Show the fixed version and Step back keep the code panel on the run's own values",
          "[gui][code][process]") {
    mpviz::testing::TestWindow w;
    w.speedControl()->setQuickLook(true);

    // deadlock-on-join deadlocks as written; its banner runs it again with fixed ticked.
    REQUIRE(w.selectScenario(QStringLiteral("deadlock-on-join")));
    w.actions().run->trigger();
    REQUIRE(runToEnd(w));
    REQUIRE(w.controller()->outcome() == trace::Outcome::Deadlock);
    CHECK(valueShown(w, "FIXED") == QStringLiteral("False"));
    REQUIRE(w.deadlockBanner()->fixButton());
    w.deadlockBanner()->fixButton()->click();
    REQUIRE(w.controller()->isLive());
    CHECK(valueShown(w, "FIXED") == QStringLiteral("True"));
    REQUIRE(runToEnd(w));
    CHECK(w.controller()->outcome() == trace::Outcome::Completed);
    CHECK(valueShown(w, "FIXED") == QStringLiteral("True"));

    // The lock lesson without its lock, stepped a little, then Step back: the replay is
    // the same run, still without the lock.
    REQUIRE(w.selectScenario(QStringLiteral("lock")));
    w.setParameters({{"use_lock", "false"}, {"workers", "2"}});
    CHECK(valueShown(w, "USE_LOCK") == QStringLiteral("False"));
    w.setStepMode(true);
    w.actions().run->trigger();
    REQUIRE(w.controller()->isLive());
    int steps = 0;
    while (steps < 4 &&
           waitUntil([&] { return !w.controller()->pendingIntents().empty(); }, 10000)) {
        const auto before = w.controller()->grantLog().size();
        w.stepActions().step->trigger();
        REQUIRE(waitUntil([&] { return w.controller()->grantLog().size() > before; }, 5000));
        ++steps;
    }
    REQUIRE(steps == 4);
    // Live: MainProcess started its tasks on line 22 (p.start()), and its dot is there.
    REQUIRE(waitUntil([&] { return firstEvent(w, trace::Op::Start, "MainProcess").has_value(); },
                      5000));
    CHECK(lineShownFor(w, trace::Op::Start, "MainProcess") == 22);
    REQUIRE(waitUntil(
        [&] {
            for (const auto& m : w.codeView()->markers())
                if (m.process == QStringLiteral("MainProcess")) return m.line == 22;
            return false;
        },
        5000));
    w.setParameters({{"use_lock", "true"}}); // the picker changes; the run on screen does not
    CHECK(valueShown(w, "USE_LOCK") == QStringLiteral("False"));
    w.stepActions().stepBack->trigger();
    REQUIRE(w.controller()->isLive());
    CHECK(valueShown(w, "USE_LOCK") == QStringLiteral("False"));
    w.stepActions().runToEnd->trigger();
    REQUIRE(runToEnd(w));
    CHECK(valueShown(w, "USE_LOCK") == QStringLiteral("False"));
    CHECK(mpviz::testing::ourChildScenarioProcesses().empty());
}
