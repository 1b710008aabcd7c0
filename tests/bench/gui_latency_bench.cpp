// Child event → painted on screen, against DESIGN.md's target (≤ 50 ms at p99) and issue
// 11's (≤ 17 ms at p99, one frame).
//
// The real path: real scenario processes stamp each event with CLOCK_MONOTONIC, the engine
// receives and orders them, the window's frame timer picks them up and the timeline paints.
// After each frame's paint, every event that paint showed for the first time contributes
// (paint finished − event's own timestamp).

#include "gui/run/run_controller.hpp"
#include "gui/timeline/timeline_view.hpp"
#include "gui/window/main_window.hpp"
#include "gui/window/speed_control.hpp"
#include "trace/clock.hpp"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

using namespace mpviz;

namespace {

void BM_EventToScreen(benchmark::State& state) {
    QTemporaryDir dir;
    gui::WindowOptions options;
    options.childExecutable = std::filesystem::path(MPVIZ_BIN_DIR) / "mpviz-child";
    options.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
    options.restoreSettings = false;
    gui::MainWindow window(options);
    window.resize(1600, 1000);
    window.show();
    window.selectScenario(QStringLiteral("shared-value"));
    window.setParameters({{"workers", "4"}, {"increments", "10"}});
    window.setSpeed(2.0); // events spread over the run, as a class watches it

    std::vector<double> latenciesMs;
    std::size_t painted = 0;
    // Connected after the window's own handler, so the frame's data is in place.
    QObject::connect(window.controller(), &gui::RunController::frame, &window, [&] {
        const auto trace = window.controller()->trace();
        if (!trace) return;
        const std::size_t count =
            trace->read([](const trace::TraceData& d) { return d.events().size(); });
        window.timeline()->viewport()->repaint(); // paints now, as the screen would
        const std::int64_t now = trace::nowNs();
        trace->read([&](const trace::TraceData& d) {
            for (std::size_t i = painted; i < count; ++i)
                latenciesMs.push_back(double(now - d.events()[i].ts) / 1e6);
        });
        painted = count;
    });

    for (auto _ : state) {
        painted = 0;
        window.actions().run->trigger();
        QElapsedTimer timer;
        timer.start();
        while (window.controller()->isLive() && timer.elapsed() < 30'000)
            QApplication::processEvents(QEventLoop::AllEvents, 5);
        if (window.controller()->isLive()) state.SkipWithError("the run did not end in 30 s");
    }
    if (latenciesMs.empty()) return state.SkipWithError("no event was painted");
    std::sort(latenciesMs.begin(), latenciesMs.end());
    const auto at = [&](double q) {
        return latenciesMs[std::min(latenciesMs.size() - 1,
                                    static_cast<std::size_t>(q * double(latenciesMs.size())))];
    };
    state.counters["events"] = static_cast<double>(latenciesMs.size());
    state.counters["p50_ms"] = at(0.50);
    state.counters["p99_ms"] = at(0.99);
    state.counters["max_ms"] = latenciesMs.back();
    // Issue 11's target is p99 <= 17 ms (one frame): how many made it.
    const auto within = std::upper_bound(latenciesMs.begin(), latenciesMs.end(), 17.0);
    state.counters["within_17ms"] =
        double(within - latenciesMs.begin()) / double(latenciesMs.size());
}
BENCHMARK(BM_EventToScreen)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
