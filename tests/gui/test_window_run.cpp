// The window runs lessons as real processes through its own actions, and its views show
// what the trace says.

#include "catch_qt.hpp"
#include "window_options.hpp"

#include "gui/log/log_view.hpp"
#include "gui/run/run_controller.hpp"
#include "gui/run/view_state.hpp"
#include "gui/state/object_widget.hpp"
#include "gui/state/state_view.hpp"
#include "gui/timeline/timeline_view.hpp"
#include "gui/window/deadlock_banner.hpp"
#include "gui/window/main_window.hpp"
#include "gui/window/speed_control.hpp"
#include "render/labels.hpp"

#include <QAction>
#include <QPushButton>

using namespace mpviz;
using mpviz::testing::waitUntil;

namespace {

// Runs the window's current lesson at the 20× quick look, calling `each` every event-loop
// pass, until the run ends (at most `timeoutMs`).
template <class F> trace::Outcome runToEnd(gui::MainWindow& w, F&& each, int timeoutMs = 20000) {
    w.speedControl()->setQuickLook(true);
    w.actions().run->trigger();
    REQUIRE(w.controller()->isLive());
    const bool ended = waitUntil(
        [&] {
            each();
            return !w.controller()->isLive();
        },
        timeoutMs);
    REQUIRE(ended);
    QCoreApplication::processEvents(); // the last refresh
    return w.controller()->outcome();
}

QStringList processLabels(const trace::TraceData& d) {
    QStringList labels;
    for (const auto& p : d.processes())
        labels << render::laneLabel(p);
    return labels;
}

} // namespace

TEST_CASE("Running the queue lesson from the toolbar fills the lanes, the queue card and the log",
          "[gui][window][process]") {
    mpviz::testing::TestWindow w("queue", {{"maxsize", "2"}, {"items", "4"}, {"consumers", "1"}});

    std::size_t mostItems = 0;
    bool overfull = false;
    const auto outcome = runToEnd(w, [&] {
        if (auto* q = w.stateView()->objectWidget(QStringLiteral("queue"))) {
            mostItems = std::max(mostItems, q->snapshot().items.size());
            overfull = overfull || q->snapshot().items.size() > 2;
        }
    });
    CHECK(outcome == trace::Outcome::Completed);
    CHECK_FALSE(overfull);

    auto* queueCard = w.stateView()->objectWidget(QStringLiteral("queue"));
    REQUIRE(queueCard);
    CHECK(queueCard->maxItemsShown() >= 1);
    CHECK(queueCard->maxItemsShown() <= 2);
    CHECK(queueCard->snapshot().items.empty()); // all eaten at the end

    // The lanes are the trace's processes: MainProcess, the producer, the consumer.
    QStringList expected;
    int prints = 0;
    w.controller()->trace()->read([&](const trace::TraceData& d) {
        expected = processLabels(d);
        for (const auto& e : d.events())
            prints += e.op == trace::Op::Print && e.phase == trace::Phase::Done;
    });
    QStringList lanes = w.timeline()->laneLabels();
    CHECK(lanes.size() == 3);
    lanes.sort();
    expected.sort();
    CHECK(lanes == expected);
    CHECK(w.logView()->model()->rowCount() == prints);
    CHECK(w.statusText().contains(QStringLiteral("Completed")));
    CHECK(w.actions().run->isEnabled());
    CHECK_FALSE(w.actions().stop->isEnabled());
}

TEST_CASE("The semaphore card never shows more holders than permits, live or replayed",
          "[gui][window][process]") {
    mpviz::testing::TestWindow w("semaphore", {{"workers", "4"}, {"permits", "2"}, {"hold", "1"}});

    std::size_t mostLive = 0;
    const auto outcome = runToEnd(w, [&] {
        if (auto* s = w.stateView()->objectWidget(QStringLiteral("sem")))
            mostLive = std::max(mostLive, s->snapshot().holders.size());
    });
    CHECK(outcome == trace::Outcome::Completed);
    CHECK(mostLive <= 2);

    // Replay: drag the playhead across the whole run.
    auto* view = w.viewState();
    const auto from = view->extentBegin(), to = view->extentEnd();
    std::size_t mostReplayed = 0;
    for (int step = 0; step <= 200; ++step) {
        view->setPlayhead(from + (to - from) * step / 200);
        QCoreApplication::processEvents();
        auto* s = w.stateView()->objectWidget(QStringLiteral("sem"));
        REQUIRE(s);
        mostReplayed = std::max(mostReplayed, s->snapshot().holders.size());
        REQUIRE(s->snapshot().holders.size() <= 2);
    }
    CHECK(mostReplayed == 2); // two workers held it at once, in every wave
    CHECK(w.stateView()->objectWidget(QStringLiteral("sem"))->maxHoldersShown() <= 2);
}

TEST_CASE("A deadlock shows the banner, and the fixed version runs to the end",
          "[gui][window][process]") {
    mpviz::testing::TestWindow w("deadlock-on-join", {{"fixed", "false"}});

    CHECK(runToEnd(w, [] {}) == trace::Outcome::Deadlock);
    auto* banner = w.deadlockBanner();
    CHECK(banner->isVisible());
    CHECK(banner->text().contains(QStringLiteral("cleaned up")));
    REQUIRE(banner->fixButton()->isVisible());
    CHECK(mpviz::testing::ourChildScenarioProcesses().empty());
    // The state view shows the moment of the deadlock, when everyone was stuck.
    REQUIRE(w.viewState()->playhead().has_value());
    auto* queue = w.stateView()->objectWidget(QStringLiteral("queue"));
    REQUIRE(queue);
    CHECK(queue->snapshot().flushing.size() == 1);

    banner->fixButton()->click();
    REQUIRE(w.controller()->isLive());
    CHECK_FALSE(banner->isVisible());
    REQUIRE(waitUntil([&] { return !w.controller()->isLive(); }, 20000));
    CHECK(w.controller()->outcome() == trace::Outcome::Completed);
    bool fixed = false;
    w.controller()->trace()->read(
        [&](const trace::TraceData& d) { fixed = d.params.at("fixed") == "true"; });
    CHECK(fixed);
}

TEST_CASE("Pause freezes the view while the run goes on recording", "[gui][window][process]") {
    mpviz::testing::TestWindow w("queue", {{"maxsize", "2"}, {"items", "6"}, {"consumers", "1"}});
    w.speedControl()->setSliderSpeed(4);
    w.actions().run->trigger();
    REQUIRE(waitUntil(
        [&] { return w.viewState()->now() && w.timeline()->laneLabels().size() == 3; }, 5000));

    auto* pause = w.actions().pause;
    CHECK(pause->shortcut() == QKeySequence(Qt::Key_Space)); // Space pauses while running
    pause->trigger();
    REQUIRE(w.controller()->paused());
    const auto frozenAt = w.viewState()->cursorTime();
    const auto versionAtPause = w.controller()->trace()->version();
    mpviz::testing::spin(600, [] {});
    CHECK(w.viewState()->cursorTime() == frozenAt);
    CHECK(w.controller()->trace()->version() > versionAtPause); // still recording
    CHECK(w.statusText().contains(QStringLiteral("Paused")));

    pause->trigger(); // resume
    CHECK_FALSE(w.controller()->paused());
    mpviz::testing::spin(100, [] {});
    CHECK(w.viewState()->cursorTime() > frozenAt);

    w.actions().stop->trigger();
    REQUIRE(waitUntil([&] { return !w.controller()->isLive(); }, 5000));
    CHECK(w.controller()->outcome() == trace::Outcome::Stopped);
    CHECK(mpviz::testing::ourChildScenarioProcesses().empty());
}
