// Saved runs replay without any process, and the window's export writes images.

#include "catch_qt.hpp"
#include "window_options.hpp"

#include "gui/lesson/scenario_panel.hpp"
#include "gui/log/log_view.hpp"
#include "gui/run/run_controller.hpp"
#include "gui/run/view_state.hpp"
#include "gui/state/object_widget.hpp"
#include "gui/state/process_list_widget.hpp"
#include "gui/state/state_view.hpp"
#include "gui/timeline/timeline_view.hpp"
#include "gui/window/main_window.hpp"
#include "gui/window/speed_control.hpp"
#include "render/labels.hpp"
#include "scenario.hpp"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QImage>
#include <QTableView>

using namespace mpviz;
using mpviz::testing::waitUntil;

namespace {
// Runs `scenario` to its end at 20× in a window and saves its trace to `file`.
void recordRun(const QTemporaryDir& dir, const QString& scenario,
               const std::map<std::string, std::string>& params, const QString& file) {
    gui::MainWindow w(mpviz::testing::testWindowOptions(dir));
    REQUIRE(w.selectScenario(scenario));
    w.setParameters(params);
    w.speedControl()->setQuickLook(true);
    w.actions().run->trigger();
    REQUIRE(waitUntil([&] { return !w.controller()->isLive(); }, 20000));
    REQUIRE(w.saveTrace(file).isEmpty());
}
} // namespace

TEST_CASE("Opening a saved trace replays it without starting any process",
          "[gui][window][replay]") {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("lock.json"));
    recordRun(dir, QStringLiteral("lock"), {{"workers", "3"}, {"use_lock", "true"}}, file);
    REQUIRE(mpviz::testing::ourChildScenarioProcesses().empty());

    gui::MainWindow w(mpviz::testing::testWindowOptions(dir));
    w.show();
    REQUIRE(w.openTrace(file).isEmpty());
    CHECK_FALSE(w.controller()->hasSession());
    CHECK_FALSE(w.controller()->isLive());
    CHECK(mpviz::testing::ourChildScenarioProcesses().empty());
    // The picker follows the file's lesson and parameters.
    CHECK(w.scenarioPanel()->picker()->currentText() == QStringLiteral("lock"));
    CHECK(w.scenarioPanel()->parameters().at("workers") == "3");

    QStringList expected;
    w.controller()->trace()->read([&](const trace::TraceData& d) {
        for (const auto& p : d.processes())
            expected << render::laneLabel(p);
    });
    QStringList lanes = w.timeline()->laneLabels();
    lanes.sort();
    expected.sort();
    CHECK(lanes == expected);
    CHECK(lanes.size() == 4); // MainProcess and three workers

    // Dragging the playhead replays the lock: never two holders, and one at some point.
    auto* view = w.viewState();
    bool someoneHeld = false;
    for (int step = 0; step <= 100; ++step) {
        view->setPlayhead(view->extentBegin() +
                          (view->extentEnd() - view->extentBegin()) * step / 100);
        QCoreApplication::processEvents();
        auto* lock = w.stateView()->objectWidget(QStringLiteral("lock"));
        REQUIRE(lock);
        REQUIRE(lock->snapshot().holders.size() <= 1);
        someoneHeld = someoneHeld || lock->snapshot().holders.size() == 1;
    }
    CHECK(someoneHeld);
    CHECK(w.logView()->model()->rowCount() > 0);
    CHECK(w.statusText().contains(QStringLiteral("Replay")));

    // Selecting a print in the log moves the whole window to that instant.
    const QModelIndex first = w.logView()->table()->model()->index(0, 0);
    w.logView()->table()->setCurrentIndex(first);
    QCoreApplication::processEvents();
    REQUIRE(view->selected().has_value());
    REQUIRE(view->playhead().has_value());
    std::int64_t ts = 0;
    w.controller()->trace()->read(
        [&](const trace::TraceData& d) { ts = d.events()[*view->selected()].ts; });
    CHECK(*view->playhead() == ts);
}

TEST_CASE("A trace file that is not a trace gives a message and keeps the window as it was",
          "[gui][window][replay]") {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("broken.json"));
    {
        std::ofstream out(file.toStdString());
        out << "{\"traceEvents\": 42}";
    }
    gui::MainWindow w(mpviz::testing::testWindowOptions(dir));
    const QString error = w.openTrace(file);
    CHECK_FALSE(error.isEmpty());
    CHECK_FALSE(w.controller()->hasTrace());
}

TEST_CASE("Export writes PNG, SVG and PDF of the visible range or the whole run",
          "[gui][window][export]") {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("pipe.json"));
    recordRun(dir, QStringLiteral("pipe"), {{"messages", "2"}}, file);
    gui::MainWindow w(mpviz::testing::testWindowOptions(dir));
    w.resize(1200, 800);
    w.show();
    REQUIRE(w.openTrace(file).isEmpty());
    for (const char* suffix : {"png", "svg", "pdf"}) {
        gui::ExportRequest r;
        r.file = dir.filePath(QStringLiteral("out.") + QString::fromLatin1(suffix));
        r.scale = 2;
        r.visibleRangeOnly = std::string(suffix) != "pdf";
        INFO(suffix);
        CHECK(w.exportTimeline(r) == QString());
        CHECK(QFileInfo(r.file).size() > 1000);
    }
}

TEST_CASE("An export draws what the timeline shows: held bands and counter charts switched off "
          "in the View menu are left out of the picture",
          "[gui][window][export]") {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("semaphore.json"));
    recordRun(dir, QStringLiteral("semaphore"), {}, file);
    gui::MainWindow w(mpviz::testing::testWindowOptions(dir));
    w.resize(1200, 800);
    w.show();
    REQUIRE(w.openTrace(file).isEmpty());
    auto exported = [&](const QString& name) {
        gui::ExportRequest r;
        r.file = dir.filePath(name);
        REQUIRE(w.exportTimeline(r) == QString());
        return QImage(r.file);
    };
    const QImage full = exported(QStringLiteral("full.png"));
    w.actions().heldBands->setChecked(false);
    const QImage noBands = exported(QStringLiteral("no-bands.png"));
    w.actions().counterCharts->setChecked(false);
    const QImage bare = exported(QStringLiteral("bare.png"));
    REQUIRE_FALSE(full.isNull());
    // Five workers' rows of bands, then the permits-free chart.
    CHECK(noBands.height() < full.height());
    CHECK(bare.height() < noBands.height());
    CHECK(bare.width() == full.width());
}
