// Counter tracks under the lanes: a semaphore's free permits as a step chart, where the
// layout puts it, in the object's colour, at the height of each value.

#include "test_render_fixtures.hpp"

#include "render/layout.hpp"
#include "render/painter.hpp"

#include <catch2/catch.hpp>

#include <QImage>
#include <QPainter>

#include <cmath>

using namespace mpviz::render;
using namespace mpviz::test;

namespace {

bool near(QColor a, QColor b, int tolerance = 40) {
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
               std::abs(a.blue() - b.blue()) <=
           tolerance;
}

} // namespace

TEST_CASE("A semaphore's permits free are charted step by step in a track under the lanes",
          "[render][counters]") {
    TraceBuilder b;
    const auto sem = b.object("sem", ObjectKind::Semaphore, 2);
    const auto value = b.object("v", ObjectKind::Value);
    const auto [main, p1, p2] = b.mainAndTwoChildren();
    b.event(p1, 100, Op::Acquire, Phase::Done, sem, 1);
    b.event(p2, 200, Op::Acquire, Phase::Done, sem, 0);
    b.event(p1, 500, Op::Release, Phase::Done, sem, 1);
    b.event(p2, 700, Op::Release, Phase::Done, sem, 2);
    b.event(main, 1000, Op::Print, Phase::Done, mpviz::trace::kNoObject, 0, "done");

    Viewport v = Viewport::whole(b.trace, QSizeF(1200, 1));
    const Style style;
    const auto layout = computeLayout(b.trace, v, style);
    // The semaphore and the Value, in object order, below the last lane.
    REQUIRE(layout.counters.size() == 2);
    const auto& track = layout.counters[0];
    CHECK(track.object == sem);
    CHECK(layout.counters[1].object == value);
    CHECK(track.label == QStringLiteral("sem: permits free"));
    CHECK(track.low == 0);
    CHECK(track.high == 2);
    CHECK(track.top >= layout.lanes.back().bottom());
    CHECK(layout.contentHeight >= layout.counters.back().top + layout.counters.back().height);

    v.size.setHeight(std::ceil(layout.contentHeight));
    QImage image(v.size.toSize(), QImage::Format_ARGB32);
    QPainter painter(&image);
    paint(painter, b.trace, layout, v, style);
    painter.end();

    const QColor colour = holdColor(style.palette(), sem);
    const auto x = [&](double ms) {
        return layout.mapping.mapTimeToX(kT0 + static_cast<std::int64_t>(ms * kMs));
    };
    // The line's height for a value, as the track scales it.
    const double bottom = track.top + track.height - style.px(4);
    const double usable = track.height - style.px(8);
    const auto yOf = [&](int permits) { return bottom - permits / 2.0 * usable; };
    const auto drawnAt = [&](double ms, int permits) {
        int n = 0;
        for (int dy = -1; dy <= 1; ++dy)
            n += near(image.pixelColor(int(x(ms)), int(std::round(yOf(permits))) + dy), colour);
        return n > 0;
    };
    CHECK(drawnAt(150, 1));
    CHECK_FALSE(drawnAt(150, 0));
    CHECK(drawnAt(350, 0));
    CHECK_FALSE(drawnAt(350, 2));
    CHECK(drawnAt(600, 1));
    CHECK(drawnAt(850, 2));
}
