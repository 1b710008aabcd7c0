// Step mode through the window: a person clicks waiting operations on their lanes, presses
// Step, runs to the end, steps back; real processes do exactly what was granted.

#include "catch_qt.hpp"
#include "window_options.hpp"

#include "gui/run/run_controller.hpp"
#include "gui/timeline/timeline_view.hpp"
#include "gui/window/deadlock_banner.hpp"
#include "gui/window/main_window.hpp"
#include "gui/window/speed_control.hpp"

#include <QAction>
#include <QInputDialog>
#include <QMouseEvent>

#include <algorithm>

using namespace mpviz;
using mpviz::testing::waitUntil;

namespace {

// Waits until some operation waits for a grant and the trace stopped moving for a few
// frames (every process that can announce has done so). False when the run ended instead.
bool waitForSettledIntents(gui::MainWindow& w, int timeoutMs = 10000) {
    mpviz::testing::QuietPolls quiet;
    return waitUntil(
               [&] {
                   auto* c = w.controller();
                   if (!c->isLive()) return true;
                   const int quietPasses = quiet.after(*c);
                   // ... and the chips on screen are the ones waiting now (drawn at the
                   // last frame: a chip granted since may still show for a frame).
                   std::vector<int> waiting, drawn;
                   for (const auto& p : c->pendingIntents())
                       waiting.push_back(p.process);
                   for (const auto& m : w.timeline()->pending())
                       drawn.push_back(m.process);
                   std::sort(waiting.begin(), waiting.end());
                   std::sort(drawn.begin(), drawn.end());
                   return quietPasses >= 5 && !waiting.empty() && waiting == drawn;
               },
               timeoutMs) &&
           w.controller()->isLive();
}

void click(QWidget* widget, QPointF at) {
    const QPointF global = widget->mapToGlobal(at);
    QMouseEvent press(QEvent::MouseButtonPress, at, global, Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QMouseEvent release(QEvent::MouseButtonRelease, at, global, Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &press);
    QCoreApplication::sendEvent(widget, &release);
}

std::string nameOf(const std::shared_ptr<trace::SharedTrace>& t, int process) {
    return t->read([&](const trace::TraceData& d) {
        return d.processes()[static_cast<std::size_t>(process)].name;
    });
}

} // namespace

TEST_CASE("Clicking a waiting operation on its lane grants exactly that process",
          "[gui][step][process]") {
    mpviz::testing::TestWindow w("semaphore", {{"workers", "3"}, {"permits", "1"}, {"hold", "0.2"}},
                                 QSize(1400, 900));
    w.speedControl()->setQuickLook(true);
    w.setStepMode(true);
    w.actions().run->trigger();
    REQUIRE(w.controller()->isLive());
    REQUIRE(w.controller()->stepMode());

    // Always pick the most recently listed waiting operation: not what "oldest first" would
    // choose, so the grant log proves the click decided.
    int clicks = 0;
    while (clicks < 12 && waitForSettledIntents(w)) {
        const auto pending = w.timeline()->pending();
        const int chosen = pending.back().process;
        const auto rect = w.timeline()->pendingChipRect(chosen);
        REQUIRE(rect);
        const auto before = w.controller()->grantLog().size();
        click(w.timeline()->viewport(), rect->center());
        REQUIRE(waitUntil([&] { return w.controller()->grantLog().size() > before; }, 5000));
        CHECK(w.controller()->grantLog().back() == nameOf(w.controller()->rawTrace(), chosen));
        ++clicks;
    }
    CHECK(clicks == 12);

    // Run to end leaves step mode and the lesson completes, the semaphore never exceeded.
    w.stepActions().runToEnd->trigger();
    CHECK_FALSE(w.controller()->stepMode());
    REQUIRE(waitUntil([&] { return !w.controller()->isLive(); }, 20000));
    CHECK(w.controller()->outcome() == trace::Outcome::Completed);
    w.controller()->rawTrace()->read([](const trace::TraceData& d) {
        const auto sem = d.objectByName("sem");
        REQUIRE(sem);
        for (const auto& e : d.events())
            CHECK(d.holdersAt(*sem, e.ts).size() <= 1);
    });
    CHECK(w.timeline()->pending().empty());
}

TEST_CASE("Stepping lock-order round-robin deadlocks, and Step back replays all but the last step",
          "[gui][step][process]") {
    mpviz::testing::TestWindow w("lock-order", {}, QSize(1400, 900));
    w.speedControl()->setQuickLook(true);
    REQUIRE(w.setStepPolicy(QStringLiteral("round-robin")));
    w.setStepMode(true);
    w.actions().run->trigger();

    int steps = 0;
    while (steps < 200 && waitForSettledIntents(w)) {
        w.stepActions().step->trigger();
        ++steps;
    }
    REQUIRE(waitUntil([&] { return !w.controller()->isLive(); }, 10000));
    REQUIRE(w.controller()->outcome() == trace::Outcome::Deadlock);
    CHECK(w.deadlockBanner()->isVisible());
    w.controller()->rawTrace()->read([](const trace::TraceData& d) {
        REQUIRE(d.deadlock());
        CHECK(d.deadlock()->cycle.size() == 2);
    });
    CHECK(mpviz::testing::ourChildScenarioProcesses().empty());

    const auto log = w.controller()->grantLog();
    REQUIRE(log.size() >= 4);
    w.stepActions().stepBack->trigger();
    REQUIRE(w.controller()->isLive());
    CHECK(w.controller()->stepMode());
    // The engine replays the recorded grants but the last, then waits for the person.
    REQUIRE(waitUntil([&] { return w.controller()->grantLog().size() == log.size() - 1; }, 20000));
    REQUIRE(waitForSettledIntents(w));
    const auto replayed = w.controller()->grantLog();
    CHECK(replayed == std::vector<std::string>(log.begin(), log.end() - 1));
    CHECK_FALSE(w.deadlockBanner()->isVisible());

    // One more step by the same policy brings the same deadlock back.
    while (waitForSettledIntents(w, 5000))
        w.stepActions().step->trigger();
    REQUIRE(waitUntil([&] { return !w.controller()->isLive(); }, 10000));
    CHECK(w.controller()->outcome() == trace::Outcome::Deadlock);
    CHECK(w.controller()->grantLog() == log);
}

TEST_CASE("Logical time shows one column per step and keeps every event", "[gui][step][process]") {
    mpviz::testing::TestWindow w("pipe", {{"messages", "2"}});
    w.speedControl()->setQuickLook(true);
    w.actions().run->trigger();
    REQUIRE(waitUntil([&] { return !w.controller()->isLive(); }, 20000));
    REQUIRE(w.controller()->outcome() == trace::Outcome::Completed);

    w.stepActions().logicalTime->setChecked(true);
    const auto shown = w.controller()->trace();
    REQUIRE(shown != w.controller()->rawTrace());
    const auto [rawEvents, rawProcesses] =
        w.controller()->rawTrace()->read([](const trace::TraceData& d) {
            return std::pair{d.events().size(), d.processes().size()};
        });
    shown->read([&](const trace::TraceData& d) {
        CHECK(d.logicalClock);
        CHECK(d.events().size() == rawEvents);
        CHECK(d.processes().size() == rawProcesses);
        // Every event sits on a whole step.
        for (const auto& e : d.events())
            CHECK((e.ts - d.firstTs()) % 1'000'000'000 == 0);
    });
    CHECK(w.timeline()->laneLabels().size() == static_cast<int>(rawProcesses));

    w.stepActions().logicalTime->setChecked(false);
    CHECK(w.controller()->trace() == w.controller()->rawTrace());
}

TEST_CASE("Step mode switched on mid-run holds every process; Run to end finishes the lesson",
          "[gui][step][process]") {
    mpviz::testing::TestWindow w("lock");
    w.setSpeed(2.0); // about 1.5 s: time to switch while it runs
    w.actions().run->trigger();
    REQUIRE(w.controller()->isLive());
    CHECK_FALSE(w.stepActions().step->isEnabled()); // → pans, for now
    mpviz::testing::spin(300, [] {});
    REQUIRE(w.controller()->isLive());

    w.stepActions().mode->trigger();
    CHECK(w.controller()->stepMode());
    CHECK(w.stepActions().step->isEnabled());
    REQUIRE(waitForSettledIntents(w));
    // Held: while nobody grants, no process records anything more.
    const auto held = w.controller()->rawTrace()->read(
        [](const trace::TraceData& d) { return d.events().size(); });
    mpviz::testing::spin(1500, [] {});
    CHECK(w.controller()->isLive());
    CHECK(w.controller()->rawTrace()->read(
              [](const trace::TraceData& d) { return d.events().size(); }) == held);

    w.stepActions().runToEnd->trigger();
    REQUIRE(waitUntil([&] { return !w.controller()->isLive(); }, 20000));
    CHECK(w.controller()->outcome() == trace::Outcome::Completed);
    CHECK(mpviz::testing::ourChildScenarioProcesses().empty());
}

TEST_CASE("Replay the first steps: the chosen number of recorded grants, then the person",
          "[gui][step][process]") {
    mpviz::testing::TestWindow w("semaphore", {{"workers", "3"}, {"hold", "0.2"}});
    w.speedControl()->setQuickLook(true);
    REQUIRE(w.setStepPolicy(QStringLiteral("random:5")));
    w.setStepMode(true);
    w.actions().run->trigger();
    for (int steps = 0; steps < 8; ++steps) {
        REQUIRE(waitForSettledIntents(w));
        w.stepActions().step->trigger();
        REQUIRE(waitUntil([&] { return w.controller()->grantLog().size() > std::size_t(steps); },
                          5000));
    }
    const auto log = w.controller()->grantLog();
    REQUIRE(log.size() == 8);

    w.stepActions().replaySteps->trigger();
    auto* dialog = w.findChild<QInputDialog*>();
    REQUIRE(dialog);
    CHECK(dialog->intMaximum() == 8);
    CHECK(dialog->intValue() == 7); // Step back's choice, by default
    dialog->setIntValue(3);
    dialog->accept();
    REQUIRE(w.controller()->isLive());
    REQUIRE(waitUntil([&] { return !w.controller()->replaying(); }, 20000));
    REQUIRE(waitForSettledIntents(w));
    CHECK(w.controller()->grantLog() == std::vector<std::string>(log.begin(), log.begin() + 3));
    w.actions().stop->trigger();
    REQUIRE(waitUntil([&] { return !w.controller()->isLive(); }, 10000));
}
