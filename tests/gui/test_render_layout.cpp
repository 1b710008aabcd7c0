// Lane layout: order, indentation, labels, header, hit rows, and the layout cache.

#include "test_render_fixtures.hpp"

#include "render/labels.hpp"
#include "render/layout.hpp"

#include <catch2/catch.hpp>

#include <QFontMetricsF>
#include <cmath>

using namespace mpviz::render;
using namespace mpviz::test;

namespace {

// Height 1 (as an export measures first): every lane at its smallest.
Viewport viewportOf(const TraceData& trace, double width = 1000, double height = 1) {
    Viewport v;
    v.t0 = trace.firstTs();
    v.t1 = trace.firstTs() + 1000 * kMs;
    v.size = QSizeF(width, height);
    return v;
}

// Main (0) starts B (3, started first) and A (1); A starts A.1 (2).
TraceData familyTrace() {
    TraceBuilder b;
    const int main = b.process("MainProcess", 10, -1, 0);
    // B was started first (its lower pid says so) though the engine heard of A first.
    const int a = b.process("A", 13, main, 10);
    b.process("A.1", 14, a, 20);
    b.process("B", 11, main, 12);
    return std::move(b.trace);
}

} // namespace

TEST_CASE("lanes go by creation with children under their parent", "[render][layout]") {
    const auto trace = familyTrace();
    const auto layout = computeLayout(trace, viewportOf(trace), Style{});
    REQUIRE(layout.lanes.size() == 4);
    CHECK(layout.lanes[0].process == 0);
    CHECK(layout.lanes[1].process == 3); // B was created before A
    CHECK(layout.lanes[2].process == 1);
    CHECK(layout.lanes[3].process == 2); // A.1 right under A
    CHECK(layout.lanes[0].depth == 0);
    CHECK(layout.lanes[1].depth == 1);
    CHECK(layout.lanes[3].depth == 2);
    CHECK(layout.lanes[1].label == QStringLiteral("B (11)"));
    for (int p = 0; p < 4; ++p)
        CHECK(
            layout
                .lanes[static_cast<std::size_t>(layout.laneOfProcess[static_cast<std::size_t>(p)])]
                .process == p);
    CHECK(layout.laneForProcess(2) == &layout.lanes[3]);
    CHECK(layout.laneForProcess(9) == nullptr);
}

TEST_CASE("lanes stack below the header and the plot starts after the labels", "[render][layout]") {
    const auto trace = smallTrace();
    const Style style;
    const auto layout = computeLayout(trace, viewportOf(trace), style);
    REQUIRE(layout.lanes.size() == 3);
    CHECK(layout.lanes[0].top == Approx(layout.headerHeight));
    for (std::size_t i = 1; i < layout.lanes.size(); ++i)
        CHECK(layout.lanes[i].top == Approx(layout.lanes[i - 1].bottom()));
    for (const auto& lane : layout.lanes) {
        CHECK(lane.glyphY > lane.top);
        CHECK(lane.glyphY < lane.barTop);
        CHECK(lane.barTop + lane.barHeight <= lane.bottom());
    }
    CHECK(layout.contentHeight > layout.lanes.back().bottom());
    CHECK(layout.title == QStringLiteral("queue — completed"));
    CHECK(layout.titleRect.bottom() <= layout.axisRect.top());
    CHECK(layout.axisRect.bottom() <= layout.headerHeight + 0.01);

    const QFontMetricsF fm(style.font(FontRole::Label));
    const double widest = fm.horizontalAdvance(QStringLiteral("Process-1 (101)")) + 14;
    CHECK(layout.gutterWidth > widest);
    CHECK(layout.mapping.x0() == Approx(layout.gutterWidth));
    CHECK(layout.mapping.right() < 1000);
    CHECK(layout.mapping.t0() == trace.firstTs());
    CHECK_FALSE(layout.ticks.empty());
}

TEST_CASE("laneAt finds the lane under a y, scrolled or not", "[render][layout]") {
    const auto trace = smallTrace();
    const auto layout = computeLayout(trace, viewportOf(trace), Style{});
    CHECK(layout.laneAt(layout.headerHeight - 1) == -1);
    for (std::size_t i = 0; i < layout.lanes.size(); ++i) {
        const auto& lane = layout.lanes[i];
        CHECK(layout.laneAt(lane.top + 1) == static_cast<int>(i));
        CHECK(layout.laneAt(lane.bottom() - 1) == static_cast<int>(i));
    }
    CHECK(layout.laneAt(layout.lanes.back().bottom() + 1) == -1);
    // Scrolled by one lane: the first visible row is lane 1; the header still hides lane 0.
    const double h = layout.lanes[0].height;
    CHECK(layout.laneAt(layout.headerHeight + 1, h) == 1);
    CHECK(layout.laneAt(layout.headerHeight - 1, h) == -1);
}

TEST_CASE("the legend explains what the trace contains", "[render][layout]") {
    auto hasText = [](const TimelineLayout& l, const char* text) {
        for (const auto& e : l.legend)
            if (e.text == QString::fromUtf8(text)) return true;
        return false;
    };
    const auto queue = smallTrace();
    const auto ql = computeLayout(queue, viewportOf(queue), Style{});
    CHECK(hasText(ql, "running"));
    CHECK(hasText(ql, "sleeping"));
    CHECK(hasText(ql, "blocked"));
    CHECK(hasText(ql, "put"));
    CHECK(hasText(ql, "get"));
    CHECK(hasText(ql, "item"));
    CHECK_FALSE(hasText(ql, "acquire"));
    CHECK_FALSE(hasText(ql, "deadlock cycle"));
    // Entries never overlap and stay inside the width.
    for (std::size_t i = 0; i < ql.legend.size(); ++i) {
        CHECK(ql.legend[i].textRect.right() <= 1000);
        for (std::size_t j = i + 1; j < ql.legend.size(); ++j)
            CHECK_FALSE(ql.legend[i].textRect.intersects(ql.legend[j].sample));
    }

    const auto dead = deadlockTrace();
    const auto dl = computeLayout(dead, viewportOf(dead), Style{});
    CHECK(hasText(dl, "deadlock cycle"));
    CHECK(dl.title == QStringLiteral("deadlock-on-join — deadlock"));

    // A narrow view wraps the legend onto more rows: a taller header.
    const auto narrow = computeLayout(queue, viewportOf(queue, 400), Style{});
    CHECK(narrow.headerHeight > ql.headerHeight);
}

TEST_CASE("the header shrinks without title and legend, and grows with the font",
          "[render][layout]") {
    const auto trace = smallTrace();
    Style plain;
    plain.showTitle = false;
    plain.showLegend = false;
    const auto bare = computeLayout(trace, viewportOf(trace), plain);
    const auto full = computeLayout(trace, viewportOf(trace), Style{});
    CHECK(bare.titleRect.isEmpty());
    CHECK(bare.legend.empty());
    CHECK(bare.headerHeight < full.headerHeight);

    Style big;
    big.fontScale = 2.0;
    const auto large = computeLayout(trace, viewportOf(trace, 2000), big);
    CHECK(large.lanes[0].height == Approx(2 * full.lanes[0].height));
    Viewport titled = viewportOf(trace);
    titled.title = QStringLiteral("Lesson 3");
    CHECK(computeLayout(trace, titled, Style{}).title == QStringLiteral("Lesson 3"));
}

TEST_CASE("a few processes share the timeline's height up to a legible lane; many scroll",
          "[render][layout]") {
    const auto trace = smallTrace(); // three processes
    const Style style;
    const auto smallest = computeLayout(trace, viewportOf(trace), style);
    REQUIRE(smallest.lanes.size() == 3);
    CHECK(smallest.lanes[0].height == style.px(40));

    // Room for three 60 px lanes: the lanes take it, their bars grow with them, nothing overflows.
    const double header = smallest.headerHeight;
    const double margin = smallest.contentHeight - header - 3 * style.px(40);
    const auto grown =
        computeLayout(trace, viewportOf(trace, 1000, header + 3 * 60 + margin), style);
    for (const auto& lane : grown.lanes) {
        CHECK(lane.height == 60);
        CHECK(lane.barHeight > smallest.lanes[0].barHeight);
        CHECK(lane.barTop + lane.barHeight <= lane.top + lane.height);
    }
    CHECK(grown.contentHeight <= header + 3 * 60 + margin);
    // A tall window: lanes stop growing at a size a room reads, and the rest stays empty.
    const auto tall = computeLayout(trace, viewportOf(trace, 1000, 5000), style);
    CHECK(tall.lanes[0].height == style.px(72));
    // Too little room: the smallest lanes, and the content is taller than the view (scroll).
    const auto cramped = computeLayout(trace, viewportOf(trace, 1000, header + 50), style);
    CHECK(cramped.lanes[0].height == style.px(40));
    CHECK(cramped.contentHeight > header + 50);
    // An export sized to its content finds the same lanes again.
    const auto exported =
        computeLayout(trace, viewportOf(trace, 1000, std::ceil(smallest.contentHeight)), style);
    CHECK(exported.lanes[0].height == style.px(40));
    CHECK(exported.contentHeight == smallest.contentHeight);
}

TEST_CASE("LayoutCache recomputes only when the key changes", "[render][layout]") {
    const auto trace = smallTrace();
    LayoutCache cache;
    Viewport v = viewportOf(trace);
    const Style style;
    const TimelineLayout* first = &cache.get(trace, v, style);
    const double width = first->width;
    v.now = trace.firstTs() + 5 * kMs; // a moving "now" line is not a layout change
    v.selected = 3;
    CHECK(&cache.get(trace, v, style) == first);
    CHECK(cache.get(trace, v, style).width == width);
    v.size.setWidth(1200);
    CHECK(cache.get(trace, v, style).width == 1200);
    v.size.setHeight(5000); // taller: the lanes grow
    CHECK(cache.get(trace, v, style).lanes[0].height == style.px(72));
    v.size.setHeight(1);
    v.t1 += kMs;
    CHECK(cache.get(trace, v, style).mapping.t1() == v.t1);
    Style dark = style;
    dark.fontScale = 1.5;
    CHECK(cache.get(trace, v, dark).lanes[0].height == Approx(style.px(40) * 1.5));
}

TEST_CASE("labels say who, how it ended and what a bar waits in", "[render][labels]") {
    const auto trace = smallTrace();
    const auto procs = trace.processes();
    CHECK(laneLabel(procs[1]) == QStringLiteral("Process-1 (101)"));
    CHECK(exitLabel(procs[1]) == QStringLiteral("exited (0)"));
    CHECK(exitLabel(procs[2]) == QStringLiteral("killed (SIGTERM)"));
    CHECK(signalName(9) == QStringLiteral("SIGKILL"));
    CHECK(signalName(64) == QStringLiteral("signal 64"));
    mpviz::trace::ProcessInfo alive;
    CHECK(exitLabel(alive).isEmpty());

    const auto clock = ScenarioClock::of(trace);
    const auto* join = trace.sliceAt(0, kT0 + 50 * kMs);
    REQUIRE(join);
    CHECK(sliceLabel(trace, 0, *join, clock) == QStringLiteral("join Process-1"));
    const auto* get = trace.sliceAt(2, kT0 + 400 * kMs);
    REQUIRE(get);
    CHECK(sliceLabel(trace, 2, *get, clock) == QStringLiteral("get queue"));
    const auto* sleep = trace.sliceAt(1, kT0 + 200 * kMs);
    REQUIRE(sleep);
    CHECK(sliceLabel(trace, 1, *sleep, clock) == QStringLiteral("sleep 0.4 s"));
    const auto* run = trace.sliceAt(1, kT0 + 50 * kMs);
    REQUIRE(run);
    CHECK(sliceLabel(trace, 1, *run, clock).isEmpty());
}

TEST_CASE("ArrowIndex groups the arrows by process pair, in time order", "[render][layout]") {
    const auto trace = smallTrace();
    const auto index = ArrowIndex::build(trace);
    std::size_t arrows = 0;
    for (const auto& group : index.groups()) {
        arrows += group.arrows.size();
        CHECK(group.maxSpan >= 0);
        for (std::size_t i = 1; i < group.arrows.size(); ++i)
            CHECK(group.arrows[i - 1].fromTs <= group.arrows[i].fromTs);
        for (const auto& a : group.arrows) {
            CHECK(trace.events()[a.from].process == group.fromProcess);
            CHECK(trace.events()[a.to].process == group.toProcess);
        }
    }
    CHECK(arrows == trace.messages().size());
    CHECK(arrows >= 4); // two items, two starts, the exits
    CHECK(index.builtAtEvents() == trace.events().size());
}

TEST_CASE("LayoutCache keeps the arrow index while zooming, not when the trace grows",
          "[render][layout]") {
    auto trace = smallTrace();
    LayoutCache cache;
    Viewport v = viewportOf(trace);
    const Style style;
    const ArrowIndex* first = cache.get(trace, v, style).arrows.get();
    REQUIRE(first);
    v.t1 += 10 * kMs;
    v.size.setWidth(700);
    CHECK(cache.get(trace, v, style).arrows.get() == first);

    mpviz::trace::Event e;
    e.ts = kT0 + 900 * kMs;
    e.op = Op::Print;
    e.process = 0;
    trace.append(e);
    const auto& grown = cache.get(trace, v, style);
    CHECK(grown.arrows->builtAtEvents() == trace.events().size());

    Style noArrows;
    noArrows.showArrows = false;
    CHECK_FALSE(cache.get(trace, v, noArrows).arrows);
}
