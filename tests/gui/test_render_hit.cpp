// Hit tests and tooltips: a click lands on what is drawn, and the text tells everything.

#include "test_render_fixtures.hpp"

#include "render/hit_test.hpp"
#include "render/layout.hpp"
#include "render/pending_chips.hpp"

#include <catch2/catch.hpp>

using namespace mpviz::render;
using namespace mpviz::test;

namespace {

struct Scene {
    TraceData trace = smallTrace();
    Viewport viewport;
    TimelineLayout layout;
    Scene() {
        viewport.t0 = trace.firstTs();
        viewport.t1 = trace.firstTs() + 1000 * kMs;
        viewport.size = QSizeF(1000, 400);
        layout = computeLayout(trace, viewport, Style{});
    }
    std::uint32_t find(Op op, int process, double ms) const {
        const auto events = trace.events();
        for (std::uint32_t i = 0; i < events.size(); ++i)
            if (events[i].op == op && events[i].process == process &&
                events[i].ts == kT0 + static_cast<std::int64_t>(ms * kMs))
                return i;
        FAIL("no such event");
        return 0;
    }
};

} // namespace

TEST_CASE("eventAt finds the glyph under the mouse, within the tolerance", "[render][hit]") {
    Scene s;
    const auto put = s.find(Op::Put, 1, 20);
    const auto pos = eventPosition(s.trace, s.layout, s.viewport, put);
    REQUIRE(pos);
    CHECK(pos->y() == Approx(s.layout.lanes[1].glyphY));
    CHECK(eventAt(s.trace, s.layout, s.viewport, *pos) == put);
    CHECK(eventAt(s.trace, s.layout, s.viewport, *pos + QPointF(4, 8)) ==
          put); // anywhere in the lane
    CHECK_FALSE(eventAt(s.trace, s.layout, s.viewport, *pos + QPointF(30, 0)));
    CHECK_FALSE(eventAt(s.trace, s.layout, s.viewport, *pos + QPointF(0, -200))); // header
    // Events without a glyph (a sleep's begin) are not hit.
    const auto sleep = eventPosition(s.trace, s.layout, s.viewport, s.find(Op::Sleep, 1, 100));
    REQUIRE(sleep);
    CHECK_FALSE(eventAt(s.trace, s.layout, s.viewport, *sleep));
    // Scrolled: the same event, a lane higher on screen.
    Viewport scrolled = s.viewport;
    scrolled.scrollY = 10;
    const auto moved = eventPosition(s.trace, s.layout, scrolled, put);
    CHECK(moved->y() == Approx(pos->y() - 10));
    CHECK(eventAt(s.trace, s.layout, scrolled, *moved) == put);
}

TEST_CASE("laneAt follows the layout", "[render][hit]") {
    Scene s;
    CHECK(laneAt(s.layout, s.viewport, 1) == -1);
    CHECK(laneAt(s.layout, s.viewport, s.layout.lanes[2].barCentre()) == 2);
}

TEST_CASE("describeEvent tells every detail", "[render][hit]") {
    Scene s;
    const QString put = describeEvent(s.trace, s.find(Op::Put, 1, 20));
    CHECK(put.contains(QStringLiteral("put queue")));
    CHECK(put.contains(QStringLiteral("object: queue (queue)")));
    CHECK(put.contains(QStringLiteral("item: 'a'")));
    CHECK(put.contains(QStringLiteral("queue length after: 1")));
    CHECK(put.contains(QStringLiteral("Process-1 (101)")));
    CHECK(put.contains(QStringLiteral("at 0.020 s")));

    const QString join = describeEvent(s.trace, s.find(Op::Join, 0, 810));
    CHECK(join.contains(QStringLiteral("child: Process-2 (102)")));
    CHECK(join.contains(QStringLiteral("killed by SIGTERM")));
    const QString start = describeEvent(s.trace, s.find(Op::Start, 0, 1));
    CHECK(start.contains(QStringLiteral("child: Process-1 (101)")));
    const QString print = describeEvent(s.trace, s.find(Op::Print, 2, 30));
    CHECK(print.contains(QStringLiteral("printed: got 'a'")));
    CHECK(describeEvent(s.trace, 1'000'000).isEmpty());
}

TEST_CASE("tooltipAt describes the event, else the slice, else the process", "[render][hit]") {
    Scene s;
    const auto& p2 = s.layout.lanes[2];
    const double x400 = s.layout.mapping.mapTimeToX(kT0 + 400 * kMs);
    const QString blocked = tooltipAt(s.trace, s.layout, s.viewport, QPointF(x400, p2.barCentre()));
    CHECK(blocked.startsWith(QStringLiteral("blocked: get queue")));
    CHECK(blocked.contains(QStringLiteral("0.300 s → 0.511 s")));
    const double x950 = s.layout.mapping.mapTimeToX(kT0 + 950 * kMs);
    CHECK(tooltipAt(s.trace, s.layout, s.viewport, QPointF(x950, p2.barCentre()))
              .contains(QStringLiteral("killed (SIGTERM)")));
    CHECK(tooltipAt(s.trace, s.layout, s.viewport, QPointF(10, p2.barCentre()))
              .startsWith(QStringLiteral("Process-2 (102)")));
    CHECK(tooltipAt(s.trace, s.layout, s.viewport, QPointF(x400, 2)).isEmpty());
}

TEST_CASE("Hovering a held band says what is held by whom from when to when and how long",
          "[render][hit]") {
    TraceBuilder b;
    const int main = b.process("MainProcess", 100, -1, 0);
    const auto lock = b.object("lock", ObjectKind::Lock);
    const auto sem = b.object("sem", ObjectKind::Semaphore, 2);
    const int p1 = b.process("Process-1", 101, main, 0);
    b.event(p1, 100, Op::Acquire, Phase::Done, lock);
    b.event(p1, 200, Op::Acquire, Phase::Done, sem, 1);
    b.event(p1, 300, Op::Release, Phase::Done, sem, 2);
    b.event(p1, 600, Op::Release, Phase::Done, lock);
    b.event(p1, 700, Op::Acquire, Phase::Done, lock);
    b.end(p1, 800, -15); // dies holding it
    b.event(main, 1000, Op::Print, Phase::Done, mpviz::trace::kNoObject, 0, "end");
    const TraceData& trace = b.trace;
    Viewport v;
    v.t0 = kT0;
    v.t1 = kT0 + 1100 * kMs;
    v.size = QSizeF(1100, 600);
    const auto layout = computeLayout(trace, v, Style{});
    REQUIRE(layout.holdRows == 2);
    const auto& lane = *layout.laneForProcess(p1);
    const auto at = [&](double ms, int row) {
        return tooltipAt(trace, layout, v,
                         QPointF(layout.mapping.mapTimeToX(kT0 + std::int64_t(ms * kMs)),
                                 lane.holdTop + row * lane.holdRow + lane.holdBand / 2));
    };
    const ScenarioClock clock = ScenarioClock::of(trace);
    const QString held = at(450, 0);
    INFO(held.toStdString());
    CHECK(held.startsWith(QStringLiteral("holds the lock lock\nProcess-1 (101)\n")));
    CHECK(held.contains(QStringLiteral("0.100 s → 0.600 s (") + formatSpan(clock, 500 * kMs) +
                        QStringLiteral(")")));
    const QString permit = at(250, 1);
    INFO(permit.toStdString());
    CHECK(permit.startsWith(QStringLiteral("holds a permit of sem\nProcess-1 (101)\n")));
    CHECK(permit.contains(QStringLiteral("0.200 s → 0.300 s")));
    // Nested: the lock's band still says the lock under the permit's row.
    CHECK(at(250, 0).startsWith(QStringLiteral("holds the lock lock")));
    // Between holds, and in the empty second row, the bar's own tooltip.
    CHECK_FALSE(at(650, 0).startsWith(QStringLiteral("holds")));
    CHECK_FALSE(at(450, 1).startsWith(QStringLiteral("holds")));
    // A holder that died: nobody will release it.
    const QString died = at(750, 0);
    INFO(died.toStdString());
    CHECK(died.contains(QStringLiteral("owner died")));
}

TEST_CASE("A waiting operation's chip stays where the process asked while time goes on",
          "[render][hit][step]") {
    Scene s;
    PendingMark mark{1, Op::Put, QStringLiteral("put queue"), kT0 + 300 * kMs};
    Viewport v = s.viewport;
    v.pending = {mark};
    v.now = kT0 + 400 * kMs;
    const auto first = pendingChipRect(s.layout, v, Style{}, mark);
    REQUIRE(first);
    CHECK(first->left() > s.layout.mapping.mapTimeToX(*mark.since));
    CHECK(first->left() < s.layout.mapping.mapTimeToX(*v.now));
    for (const double ms : {500.0, 700.0, 900.0}) {
        v.now = kT0 + static_cast<std::int64_t>(ms * kMs);
        const auto later = pendingChipRect(s.layout, v, Style{}, mark);
        REQUIRE(later);
        CHECK(*later == *first);
        CHECK(pendingAt(s.layout, v, Style{}, first->center()) == 1);
    }
}
