// Child event → painted on screen, against DESIGN.md's target (≤ 50 ms at p99) and issue
// 11's (≤ 17 ms at p99, one frame).
//
// The real path, as a class sees it: the window is shown and painted before Run is pressed;
// real scenario processes stamp each event with CLOCK_MONOTONIC, the engine receives and
// orders them, the window asks for a frame and the timeline paints it by itself (the
// benchmark forces no paint). Each event counts (end of the first timeline paint that began
// after it was in the trace − the event's own timestamp).

#include "gui/run/run_controller.hpp"
#include "gui/timeline/timeline_view.hpp"
#include "gui/window/main_window.hpp"
#include "gui/window/speed_control.hpp"
#include "trace/clock.hpp"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

using namespace mpviz;

namespace {

// Times what reaches the screen: the events in the trace when the timeline's paint began
// are on screen once the window's backing store was flushed (the end of the update request
// that painted it, together with any other view that was due).
class ScreenClock : public QObject {
  public:
    ScreenClock(gui::RunController* controller, QWidget* window, QWidget* canvas)
        : controller_(controller), window_(window), canvas_(canvas) {
        window_->installEventFilter(this);
        canvas_->installEventFilter(this);
        QObject::connect(controller, &gui::RunController::frame, this, [this] {
            firstFrameAt_.resize(std::max(firstFrameAt_.size(), eventsNow()), trace::nowNs());
        });
    }

    std::vector<double> latenciesMs; // one per event shown
    std::vector<double> toFrameMs;   // event → the frame that first had it (engine, sorter)
    std::vector<double> paintMs;     // the timeline's paint, one per paint during a run
    std::vector<double> flushMs;     // a whole update request (every due view), per run frame
    std::size_t shown = 0;           // events of the current run already on screen

    void startRun() {
        shown = painting_ = 0;
        firstFrameAt_.clear();
    }

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == canvas_ && event->type() == QEvent::Paint && !insidePaint_) {
            painting_ = eventsNow();
            const std::int64_t began = trace::nowNs();
            insidePaint_ = true;
            QCoreApplication::sendEvent(watched, event); // every filter, as Qt delivers it
            insidePaint_ = false;
            if (controller_->isLive()) paintMs.push_back(double(trace::nowNs() - began) / 1e6);
            return true;
        }
        if (watched != window_ || event->type() != QEvent::UpdateRequest || insideUpdate_)
            return false;
        const std::int64_t began = trace::nowNs();
        insideUpdate_ = true;
        QCoreApplication::sendEvent(watched, event);
        insideUpdate_ = false;
        const std::int64_t now = trace::nowNs();
        if (controller_->isLive()) flushMs.push_back(double(now - began) / 1e6);
        const auto trace = controller_->trace();
        if (trace && painting_ > shown) {
            trace->read([&](const trace::TraceData& d) {
                for (std::size_t i = shown; i < painting_ && i < d.events().size(); ++i) {
                    latenciesMs.push_back(double(now - d.events()[i].ts) / 1e6);
                    if (i < firstFrameAt_.size())
                        toFrameMs.push_back(double(firstFrameAt_[i] - d.events()[i].ts) / 1e6);
                }
            });
            shown = painting_;
        }
        return true;
    }

  private:
    std::size_t eventsNow() const {
        const auto trace = controller_->trace();
        return trace ? trace->read([](const trace::TraceData& d) { return d.events().size(); }) : 0;
    }
    gui::RunController* controller_;
    QWidget* window_;
    QWidget* canvas_;
    bool insidePaint_ = false;
    bool insideUpdate_ = false;
    std::size_t painting_ = 0; // events in the trace when the timeline's last paint began
    std::vector<std::int64_t> firstFrameAt_; // per event: the first frame that had it
};

// Waits in an event loop as the application does (it sleeps until something happens), for
// `ms` or until `run` finished. A loop of processEvents() would spin a core that the children
// and the engine need, on a machine of two.
void waitInEventLoop(int ms, gui::RunController* run = nullptr) {
    QEventLoop loop;
    if (run) QObject::connect(run, &gui::RunController::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    if (!run || run->isLive()) loop.exec();
}

double quantile(std::vector<double> values, double q) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(q * double(values.size())))];
}

void BM_EventToScreen(benchmark::State& state) {
    QTemporaryDir dir;
    gui::WindowOptions options;
    options.childExecutable = std::filesystem::path(MPVIZ_BIN_DIR) / "mpviz-child";
    options.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
    options.restoreSettings = false;
    gui::MainWindow window(options);
    window.resize(1600, 1000);
    window.selectScenario(QStringLiteral("shared-value"));
    window.setParameters({{"workers", "4"}, {"increments", "10"}});
    window.setSpeed(2.0); // events spread over the run, as a class watches it
    window.show();
    ScreenClock clock(window.controller(), &window, window.timeline()->viewport());
    // The person sees the window ready before pressing Run.
    waitInEventLoop(500);

    for (auto _ : state) {
        clock.startRun();
        window.actions().run->trigger();
        waitInEventLoop(30'000, window.controller());
        if (window.controller()->isLive()) state.SkipWithError("the run did not end in 30 s");
        // The final frame, and a pause between runs as between two presses of Run.
        waitInEventLoop(200);
    }
    const auto& latencies = clock.latenciesMs;
    if (latencies.empty()) return state.SkipWithError("no event was painted");
    state.counters["events"] = static_cast<double>(latencies.size());
    state.counters["p50_ms"] = quantile(latencies, 0.50);
    state.counters["p99_ms"] = quantile(latencies, 0.99);
    state.counters["max_ms"] = quantile(latencies, 1.0);
    state.counters["to_frame_p50_ms"] = quantile(clock.toFrameMs, 0.50);
    state.counters["to_frame_p99_ms"] = quantile(clock.toFrameMs, 0.99);
    state.counters["paint_p50_ms"] = quantile(clock.paintMs, 0.50);
    state.counters["paint_p99_ms"] = quantile(clock.paintMs, 0.99);
    state.counters["update_p50_ms"] = quantile(clock.flushMs, 0.50);
    state.counters["update_p99_ms"] = quantile(clock.flushMs, 0.99);
    // Issue 11's target is p99 <= 17 ms (one frame): how many made it.
    state.counters["within_17ms"] = double(std::count_if(latencies.begin(), latencies.end(),
                                                         [](double ms) { return ms <= 17.0; })) /
                                    double(latencies.size());
}
BENCHMARK(BM_EventToScreen)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
