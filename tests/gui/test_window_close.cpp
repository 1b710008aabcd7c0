// Closing the window during a run leaves no scenario process behind.

#include "catch_qt.hpp"
#include "window_options.hpp"

#include "gui/run/run_controller.hpp"
#include "gui/window/main_window.hpp"
#include "gui/window/speed_control.hpp"

#include <QAction>

#include <memory>
#include <vector>

using namespace mpviz;
using mpviz::testing::waitUntil;

TEST_CASE("Closing the window mid-run leaves no mpviz-child process", "[gui][window][process]") {
    QTemporaryDir dir;
    auto w = std::make_unique<gui::MainWindow>(mpviz::testing::testWindowOptions(dir));
    w->show();
    REQUIRE(w->selectScenario(QStringLiteral("lock")));
    w->setParameters({{"workers", "4"}});
    w->speedControl()->setSpeed(1); // a slow run: it is surely still going when we close
    w->actions().run->trigger();

    // Wait until MainProcess and its workers are all there.
    std::vector<int> pids;
    REQUIRE(waitUntil(
        [&] {
            pids.clear();
            w->controller()->trace()->read([&](const trace::TraceData& d) {
                for (const auto& p : d.processes())
                    pids.push_back(p.pid);
            });
            return pids.size() == 5;
        },
        10000));
    for (int pid : pids)
        CHECK(mpviz::testing::processRunning(pid));
    REQUIRE(w->controller()->isLive());

    w->close();
    w.reset();
    for (int pid : pids) {
        INFO("pid " << pid);
        CHECK(waitUntil([&] { return !mpviz::testing::processRunning(pid); }, 2000));
    }
    CHECK(mpviz::testing::ourChildScenarioProcesses().empty());
}
