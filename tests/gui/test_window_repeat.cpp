// Run ▸ Run N times: the lesson run again and again in the background, the outcomes counted
// as bars, and a bar opening its run in the timeline.

#include "catch_qt.hpp"
#include "window_options.hpp"

#include "gui/run/outcome_chart.hpp"
#include "gui/run/repeat_dialog.hpp"
#include "gui/run/run_controller.hpp"
#include "gui/window/main_window.hpp"
#include "gui/window/speed_control.hpp"

#include <QAction>
#include <QCheckBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

#include <filesystem>

using namespace mpviz;
using mpviz::testing::waitUntil;

namespace {

gui::RepeatDialog* startRuns(gui::MainWindow& w, int runs) {
    w.setSpeed(50);
    w.actions().runTimes->trigger();
    auto* dialog = w.repeatDialog();
    REQUIRE(dialog);
    REQUIRE(dialog->isVisible());
    dialog->setRuns(runs);
    dialog->setSeeded(true);
    dialog->findChild<QPushButton*>(QStringLiteral("repeatStart"))->click();
    REQUIRE(dialog->runner()->running());
    REQUIRE(waitUntil([&] { return !dialog->runner()->running(); }, 120000));
    return dialog;
}

// The last line MainProcess printed in the run on screen: "final value: 8 expected: 10".
std::string lastPrint(gui::MainWindow& w) {
    std::string line;
    w.controller()->trace()->read([&](const trace::TraceData& d) {
        for (const auto& e : d.events())
            if (e.op == trace::Op::Print && e.phase == trace::Phase::Done)
                line = std::string(d.text(e.text));
    });
    return line;
}

} // namespace

TEST_CASE("Run 20 times shows a lost update's distribution and opens a run that lost one",
          "[gui][window][process][repeat]") {
    mpviz::testing::TestWindow w("shared-value", {{"use_lock", "false"}});
    auto* dialog = startRuns(w, 20);
    const auto* runner = dialog->runner();
    REQUIRE(runner->done() == 20);
    const auto groups = runner->groups();
    CHECK(groups.size() > 1);
    // The window's own view was left alone: nothing ran there.
    CHECK_FALSE(w.controller()->hasTrace());

    // The bars: one row per outcome, and clicking a lost update's row opens its first run.
    auto* chart = dialog->findChild<gui::OutcomeChart*>(QStringLiteral("outcomeChart"));
    REQUIRE(chart);
    int lostRow = -1;
    for (int row = 0; row < static_cast<int>(groups.size()); ++row)
        if (groups[row].outcome.detail.find("final value: 10 ") == std::string::npos) lostRow = row;
    REQUIRE(lostRow >= 0);
    // MPVIZ_SHOT_DIR=folder: the dialog as it looks, for the user guide.
    if (const QString shots = qEnvironmentVariable("MPVIZ_SHOT_DIR"); !shots.isEmpty())
        dialog->grab().save(shots + QStringLiteral("/run-n-times.png"));
    QTest::mouseClick(chart, Qt::LeftButton, {}, chart->rowRect(lostRow).center());
    REQUIRE(waitUntil([&] { return w.controller()->hasTrace(); }, 5000));
    const std::string shown = lastPrint(w);
    INFO(shown);
    CHECK(engine::outcomeText(groups[lostRow].outcome) == "completed: " + shown);
    CHECK(shown != "final value: 10 expected: 10");

    // Closing the window removes the runs' traces with the dialog.
    const auto kept = runner->traceOf(1);
    CHECK(std::filesystem::exists(kept));
    w.close();
    delete dialog;
    CHECK_FALSE(std::filesystem::exists(kept));
}

TEST_CASE("Run N times with the lock finds one outcome", "[gui][window][process][repeat]") {
    mpviz::testing::TestWindow w("shared-value", {{"use_lock", "true"}});
    auto* dialog = startRuns(w, 10);
    const auto groups = dialog->runner()->groups();
    REQUIRE(groups.size() == 1);
    CHECK(groups.front().runs.size() == 10);
    CHECK(engine::outcomeText(groups.front().outcome) == "completed: final value: 10 expected: 10");
}

TEST_CASE("Stop ends Run N times at once and keeps the runs done",
          "[gui][window][process][repeat]") {
    mpviz::testing::TestWindow w("lock");
    w.setSpeed(20);
    w.actions().runTimes->trigger();
    auto* dialog = w.repeatDialog();
    dialog->setRuns(200);
    dialog->findChild<QPushButton*>(QStringLiteral("repeatStart"))->click();
    REQUIRE(waitUntil([&] { return dialog->runner()->done() >= 1; }, 30000));
    const auto session = dialog->runner()->done();
    dialog->close(); // closing stops the run going on
    CHECK_FALSE(dialog->runner()->running());
    CHECK(dialog->runner()->done() >= session);
    CHECK(dialog->runner()->done() < 200);
}
