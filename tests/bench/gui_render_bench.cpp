// Timeline painting and export against DESIGN.md's targets:
//   a frame with 1 M events in view at 1920×1080   ≤ 16 ms
//   export of a 1 M-event run to PNG                ≤ 1 s
// Run: build/bin/mpviz_bench_gui (offscreen; no display needed).

#include "../gui/test_render_fixtures.hpp"

#include "render/export.hpp"
#include "render/layout.hpp"
#include "render/painter.hpp"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPainter>

#include <cstdlib>
#include <filesystem>

namespace {

using namespace mpviz;

const trace::TraceData& millionEvents() {
    static const trace::TraceData trace = test::syntheticTrace(1'000'000, 8);
    return trace;
}

// The window's style with lanes of at most `lane` px: the window's own 72 (eight lanes share
// 1080 px), or 40, the one height every lane had before lanes grew. `extras` 0 leaves out
// what mpviz draws since issue 11 (the rows of held bands, the counter tracks): with both
// at 40/0 a frame is the picture an older mpviz painted, so the two can be compared.
render::Style styleOf(const benchmark::State& state) {
    render::Style style;
    style.largestLane = static_cast<double>(state.range(0));
    style.showHolds = style.showCounters = state.range(1) != 0;
    return style;
}

// Lanes as the window has them and as they were, with and without the held bands and
// counter tracks.
void frameArgs(benchmark::internal::Benchmark* b) {
    b->ArgNames({"lane", "extras"});
    b->Args({72, 1})->Args({40, 1})->Args({40, 0});
}

// One repaint of the whole run as the window does it: layout from the cache (unchanged
// between frames), everything painted into a 1920×1080 backing image.
void BM_TimelineFrame1M(benchmark::State& state) {
    const auto& trace = millionEvents();
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    render::Viewport viewport = render::Viewport::whole(trace, QSizeF(1920, 1080));
    const render::Style style = styleOf(state);
    render::LayoutCache cache;
    render::PaintStats stats;
    for (auto _ : state) {
        QPainter painter(&image);
        stats = render::paint(painter, trace, cache.get(trace, viewport, style), viewport, style);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["events"] = static_cast<double>(trace.events().size());
    state.counters["primitives"] = static_cast<double>(stats.total());
}
BENCHMARK(BM_TimelineFrame1M)->Apply(frameArgs)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same frame with the layout recomputed every time (a zoom or resize step).
void BM_TimelineFrame1MWithLayout(benchmark::State& state) {
    const auto& trace = millionEvents();
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    const render::Viewport viewport = render::Viewport::whole(trace, QSizeF(1920, 1080));
    const render::Style style = styleOf(state);
    for (auto _ : state) {
        QPainter painter(&image);
        render::paint(painter, trace, viewport, style);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
}
BENCHMARK(BM_TimelineFrame1MWithLayout)
    ->Apply(frameArgs)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Zoomed into a thousandth of the run: wide slices, text in bars, every glyph.
void BM_TimelineFrameZoomed(benchmark::State& state) {
    const auto& trace = millionEvents();
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    render::Viewport viewport = render::Viewport::whole(trace, QSizeF(1920, 1080));
    viewport.t1 = viewport.t0 + (viewport.t1 - viewport.t0) / 1000;
    const render::Style style = styleOf(state);
    render::LayoutCache cache;
    for (auto _ : state) {
        QPainter painter(&image);
        render::paint(painter, trace, cache.get(trace, viewport, style), viewport, style);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
}
BENCHMARK(BM_TimelineFrameZoomed)->Apply(frameArgs)->Unit(benchmark::kMillisecond)->UseRealTime();

// `extras` as for the frames: 0 exports the picture an older mpviz did.
void BM_ExportPng1M(benchmark::State& state) {
    const auto& trace = millionEvents();
    const auto file = std::filesystem::temp_directory_path() / "mpviz_bench_export.png";
    render::ExportOptions options; // 1600 px wide, 1×
    options.holds = options.counters = state.range(0) != 0;
    for (auto _ : state) {
        const std::string error = render::exportTimeline(trace, file, options);
        if (!error.empty()) state.SkipWithError(error.c_str());
    }
    std::filesystem::remove(file);
}
BENCHMARK(BM_ExportPng1M)
    ->ArgName("extras")
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace

int main(int argc, char** argv) {
    if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QApplication app(argc, argv); // widgets: the latency benchmark runs the real window
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    millionEvents().messages(); // built and its arrows paired once, outside every timing
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
