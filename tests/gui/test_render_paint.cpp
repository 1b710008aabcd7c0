// The painter: what lands where (sampled pixels at the layout's own coordinates), the
// deadlock overlay, markers, themes, and the level-of-detail primitive budget.

#include "test_render_fixtures.hpp"

#include "render/layout.hpp"
#include "render/painter.hpp"

#include <catch2/catch.hpp>

#include <QImage>
#include <QPainter>

#include <cstdlib>

using namespace mpviz::render;
using namespace mpviz::test;

namespace {

struct Rendered {
    QImage image;
    TimelineLayout layout;
    PaintStats stats;
    Palette palette;
};

Viewport rangeOf(const TraceData& trace, double width, double ms) {
    Viewport v;
    v.t0 = trace.firstTs();
    v.t1 = trace.firstTs() + static_cast<std::int64_t>(ms * kMs);
    v.size = QSizeF(width, 100);
    return v;
}

Rendered render(const TraceData& trace, Viewport v, const Style& style = {}) {
    Rendered r;
    r.layout = computeLayout(trace, v, style);
    if (v.size.height() < r.layout.contentHeight)
        v.size.setHeight(std::ceil(r.layout.contentHeight));
    r.image = QImage(v.size.toSize(), QImage::Format_ARGB32);
    QPainter painter(&r.image);
    r.stats = paint(painter, trace, r.layout, v, style);
    r.palette = style.palette();
    return r;
}

bool near(QColor a, QColor b, int tolerance = 24) {
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
               std::abs(a.blue() - b.blue()) <=
           tolerance;
}

// How many pixels of `rect` are (about) `colour`.
int count(const QImage& image, QRectF rect, QColor colour, int tolerance = 24) {
    int n = 0;
    const QRect r = rect.toAlignedRect().intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            if (near(image.pixelColor(x, y), colour, tolerance)) ++n;
    return n;
}

QColor at(const Rendered& r, double x, double y) {
    return r.image.pixelColor(static_cast<int>(x), static_cast<int>(y));
}

double xAt(const Rendered& r, double ms) {
    return r.layout.mapping.mapTimeToX(kT0 + static_cast<std::int64_t>(ms * kMs));
}

} // namespace

TEST_CASE("state bars are where the layout puts them, in their colours and shapes",
          "[render][paint]") {
    const auto trace = smallTrace();
    const auto r = render(trace, rangeOf(trace, 1000, 1000));
    const auto& main = r.layout.lanes[0];
    const auto& p1 = r.layout.lanes[1];
    const auto& p2 = r.layout.lanes[2];
    REQUIRE(p1.process == 1);
    REQUIRE(p2.process == 2);

    // Process-1 running 5–100 ms: a full-height green bar.
    CHECK(near(at(r, xAt(r, 60), p1.barCentre()), r.palette.running));
    CHECK(near(at(r, xAt(r, 60), p1.barTop + 2), r.palette.running));
    // Sleeping 100–500 ms: sky blue, but only the middle half of the bar.
    CHECK(near(at(r, xAt(r, 400), p1.barCentre()), r.palette.sleeping));
    CHECK_FALSE(near(at(r, xAt(r, 400), p1.barTop + 2), r.palette.sleeping));
    // Blocked (Process-2 in get 300–511, MainProcess in join 10–800): vermillion with hatching.
    for (const auto* lane : {&p2, &main}) {
        const QRectF patch(xAt(r, 420), lane->barTop + 2, 20, lane->barHeight - 4);
        const int area = static_cast<int>(patch.width() * patch.height());
        CHECK(count(r.image, patch, r.palette.blocked, 40) > area / 3);
        CHECK(count(r.image, patch, r.palette.hatch, 60) > area / 20);
    }
    // Nothing after a process ended, nothing before it started.
    const QRectF after(xAt(r, 950), p2.barTop, 10, p2.barHeight);
    CHECK(count(r.image, after, r.palette.running) == 0);
    CHECK(count(r.image, after, r.palette.blocked, 40) == 0);
    CHECK(r.stats.rects > 0);
    CHECK(r.stats.texts > 0);
}

TEST_CASE("item arrows run from the put's lane to the get's lane", "[render][paint]") {
    const auto trace = smallTrace();
    const auto r = render(trace, rangeOf(trace, 1000, 1000));
    const auto& p2 = r.layout.lanes[2];
    // 'b' is put by Process-1 at 510 ms and got by Process-2 at 511 ms: the arrow crosses
    // the top of Process-2's lane there, and nowhere else near.
    const QRectF crossing(xAt(r, 510) - 4, p2.top + 1, 9, 3);
    CHECK(count(r.image, crossing, r.palette.itemArrow, 90) > 0);
    const QRectF elsewhere(xAt(r, 700) - 4, p2.top + 1, 9, 3);
    CHECK(count(r.image, elsewhere, r.palette.itemArrow, 90) == 0);
    CHECK(r.stats.arrows >= 2);

    Style noArrows;
    noArrows.showArrows = false;
    const auto bare = render(trace, rangeOf(trace, 1000, 1000), noArrows);
    CHECK(count(bare.image, crossing, bare.palette.itemArrow, 90) == 0);
    CHECK(bare.stats.arrows == 0);
}

TEST_CASE("glyphs sit on the lane's glyph row", "[render][paint]") {
    const auto trace = smallTrace();
    const auto r = render(trace, rangeOf(trace, 1000, 1000));
    const auto& p1 = r.layout.lanes[1];
    // Process-1's put at 20 ms: an orange triangle.
    const QRectF glyph(xAt(r, 20) - 5, p1.glyphY - 5, 11, 11);
    CHECK(count(r.image, glyph, QColor::fromRgb(okabe_ito::kOrange), 40) > 10);
    CHECK(r.stats.glyphs >= 6);
}

TEST_CASE("a deadlock outlines the cycle's blocked bars", "[render][paint][deadlock]") {
    const auto dead = deadlockTrace();
    const auto r = render(dead, rangeOf(dead, 1000, 600));
    for (const auto& lane : r.layout.lanes) {
        const QRectF edge(xAt(r, 100), lane.barTop - 2.5, 6, 2);
        CHECK(count(r.image, edge, r.palette.deadlock, 30) > 0);
    }
    CHECK(r.stats.arrows >= 2); // the loop

    // The same blocked bar without a deadlock has no outline.
    const auto calm = smallTrace();
    const auto c = render(calm, rangeOf(calm, 1000, 1000));
    const auto& main = c.layout.lanes[0];
    CHECK(count(c.image, QRectF(xAt(c, 400), main.barTop - 2.5, 6, 2), c.palette.deadlock, 30) ==
          0);
}

TEST_CASE("now line, playhead and selection are drawn over the lanes", "[render][paint]") {
    const auto trace = smallTrace();
    Viewport v = rangeOf(trace, 1000, 1000);
    v.now = kT0 + 700 * kMs;
    v.playhead = kT0 + 250 * kMs;
    v.selected = 5; // Process-1's put of 'a'
    REQUIRE(trace.events()[5].op == mpviz::trace::Op::Put);
    const auto r = render(trace, v);
    const auto& p1 = r.layout.lanes[1];
    CHECK(count(r.image, QRectF(xAt(r, 700) - 1, p1.glyphY - 2, 3, 4), r.palette.now, 30) > 0);
    CHECK(count(r.image, QRectF(xAt(r, 250) - 1, p1.glyphY - 2, 3, 4), r.palette.playhead, 30) > 0);
    CHECK(count(r.image, QRectF(xAt(r, 20) - 12, p1.glyphY - 12, 25, 25), r.palette.selection, 40) >
          8);
}

TEST_CASE("scrolling moves lanes under a fixed header", "[render][paint]") {
    const auto trace = smallTrace();
    Viewport v = rangeOf(trace, 1000, 1000);
    auto r0 = render(trace, v);
    v.scrollY = r0.layout.lanes[0].height; // Process-1 now where MainProcess was
    v.size.setHeight(r0.image.height());
    const auto r1 = render(trace, v);
    const auto& first = r0.layout.lanes[0];
    CHECK(near(at(r1, xAt(r1, 60), first.barCentre()), r1.palette.running));  // Process-1 runs
    CHECK(!near(at(r0, xAt(r0, 60), first.barCentre()), r0.palette.running)); // Main is blocked
    CHECK(r1.image.copy(0, 0, 1000, static_cast<int>(r1.layout.headerHeight)) ==
          r0.image.copy(0, 0, 1000, static_cast<int>(r0.layout.headerHeight)));
}

TEST_CASE("dark theme and presentation font scale", "[render][paint]") {
    const auto trace = smallTrace();
    Style dark;
    dark.theme = Theme::Dark;
    const auto r = render(trace, rangeOf(trace, 1000, 1000), dark);
    CHECK(near(at(r, 2, r.image.height() - 2), paletteFor(Theme::Dark).background, 6));
    CHECK(near(at(r, xAt(r, 60), r.layout.lanes[1].barCentre()), r.palette.running));

    Style big;
    big.fontScale = 2;
    const auto b = render(trace, rangeOf(trace, 2000, 1000), big);
    CHECK(b.layout.contentHeight >
          1.8 * render(trace, rangeOf(trace, 2000, 1000)).layout.contentHeight);
    CHECK(near(at(b, xAt(b, 60), b.layout.lanes[1].barCentre()), b.palette.running));
}

TEST_CASE("a live trace's open slices end at the now line", "[render][paint]") {
    TraceBuilder b;
    const int main = b.process("MainProcess", 300, -1, 0);
    const auto lock = b.object("lock", ObjectKind::Lock);
    b.event(main, 100, Op::Acquire, Phase::Blocked, lock);
    Viewport v = rangeOf(b.trace, 1000, 1000);
    v.now = kT0 + 500 * kMs;
    const auto r = render(b.trace, v);
    const auto& lane = r.layout.lanes[0];
    CHECK(count(r.image, QRectF(xAt(r, 300), lane.barTop + 2, 10, lane.barHeight - 4),
                r.palette.blocked, 40) > 0);
    CHECK(count(r.image, QRectF(xAt(r, 700), lane.barTop + 2, 10, lane.barHeight - 4),
                r.palette.blocked, 40) == 0);
}

TEST_CASE("a pixel column narrower than its slices shows the state covering most of it",
          "[render][paint][lod]") {
    // About a millisecond per pixel column. From 200 ms a lock is taken every 0.1 ms, each
    // wait a sub-pixel slice: 70% of the time blocked, then from 300 ms 30%. (Ties, which go
    // to blocked, cannot be set up here: columns do not fall on the 0.1 ms grid.)
    TraceBuilder b;
    const int p = b.process("MainProcess", 100, -1, 0);
    const auto lock = b.object("lock", ObjectKind::Lock, 1);
    const auto waits = [&](double fromMs, double blockedPart) {
        for (int i = 0; i < 1000; ++i) {
            const double t = fromMs + i * 0.1;
            b.event(p, t, Op::Acquire, Phase::Blocked, lock);
            b.event(p, t + 0.1 * blockedPart, Op::Acquire, Phase::Done, lock);
        }
    };
    waits(200, 0.7);
    waits(300, 0.3);
    b.end(p, 1000, 0);
    const auto r = render(b.trace, rangeOf(b.trace, 1000, 1000));
    const auto& lane = r.layout.lanes[0];
    const auto blockedIn = [&](double fromMs, double toMs) {
        const QRectF band(xAt(r, fromMs), lane.barTop + 2, xAt(r, toMs) - xAt(r, fromMs),
                          lane.barHeight - 4);
        const int blocked =
            count(r.image, band, r.palette.blocked, 40) + count(r.image, band, r.palette.hatch, 60);
        const int running = count(r.image, band, r.palette.running);
        return std::pair{blocked, running};
    };
    const auto [mostlyBlocked, runningThere] = blockedIn(220, 280);
    CHECK(mostlyBlocked > 0);
    CHECK(runningThere == 0);
    const auto [blockedThere, mostlyRunning] = blockedIn(320, 380);
    CHECK(blockedThere == 0);
    CHECK(mostlyRunning > 0);
}

TEST_CASE("level of detail: a million events cost what the pixels show", "[render][paint][lod]") {
    const auto big = syntheticTrace(1'000'000, 8);
    REQUIRE(big.events().size() >= 990'000);
    const double width = 1920;
    Viewport v = Viewport::whole(big, QSizeF(width, 1080));
    const auto r = render(big, v);
    const std::size_t lanes = r.layout.lanes.size();
    // Budget: per lane at most ~3 primitives per pixel column (bars, hatching, glyph
    // strip, arrows), whatever the number of events.
    INFO("rects " << r.stats.rects << " lines " << r.stats.lines << " glyphs " << r.stats.glyphs
                  << " texts " << r.stats.texts << " arrows " << r.stats.arrows);
    CHECK(r.stats.total() <= static_cast<std::size_t>(3 * width) * lanes);
    CHECK(r.stats.rects <= static_cast<std::size_t>(width) * lanes + 1000);

    // A hundred times fewer events in the same pixels: about the same cost.
    const auto small = syntheticTrace(10'000, 8, 1'000'000);
    const auto s = render(small, Viewport::whole(small, QSizeF(width, 1080)));
    CHECK(r.stats.total() <= 3 * s.stats.total() + 5000);

    // Zoomed into 1/1000 of the run, every slice is wide: bars and glyphs come back.
    Viewport zoom = v;
    zoom.t1 = v.t0 + (v.t1 - v.t0) / 1000;
    const auto z = render(big, zoom);
    CHECK(z.stats.glyphs > 0);
    CHECK(z.stats.total() <= static_cast<std::size_t>(3 * width) * lanes);
}
