// Time ↔ pixel mapping, the scenario clock and the axis ticks.

#include "test_render_fixtures.hpp"

#include "render/time_axis.hpp"
#include "render/time_mapping.hpp"

#include <catch2/catch.hpp>

using namespace mpviz::render;

TEST_CASE("TimeMapping maps time onto the plot and back", "[render][mapping]") {
    const TimeMapping m(1'000, 2'000, 100.0, 500.0); // 2 ns per pixel
    REQUIRE(m.isValid());
    CHECK(m.nsPerPixel() == Approx(2.0));
    CHECK(m.mapTimeToX(1'000) == Approx(100.0));
    CHECK(m.mapTimeToX(2'000) == Approx(600.0));
    CHECK(m.mapTimeToX(1'500) == Approx(350.0));
    CHECK(m.mapTimeToX(0) == Approx(-400.0)); // outside maps outside, not clamped
    CHECK(m.mapXToTime(350.0) == 1'500);
    CHECK(m.mapXToTime(100.0) == 1'000);
    CHECK(m.durationToWidth(200) == Approx(100.0));
    CHECK(m.widthToDuration(100.0) == 200);
    CHECK(m.right() == Approx(600.0));
    for (double x : {100.0, 123.0, 377.5, 599.0})
        CHECK(m.mapTimeToX(m.mapXToTime(x)) == Approx(x));
}

TEST_CASE("TimeMapping keeps nanoseconds at monotonic-clock magnitudes", "[render][mapping]") {
    const std::int64_t t0 = 123'456'789'012'345; // ~34 h of uptime
    const TimeMapping m(t0, t0 + 1'000, 0.0, 1000.0);
    CHECK(m.mapTimeToX(t0 + 1) == Approx(1.0));
    CHECK(m.mapXToTime(999.0) == t0 + 999);
    // An open slice's end maps far right but stays a finite number.
    const double open = m.mapTimeToX(mpviz::trace::Slice::kOpen);
    CHECK(std::isfinite(open));
    CHECK(open > 1e9);
    // x far outside saturates instead of overflowing.
    CHECK(m.mapXToTime(1e30) == INT64_MAX);
    CHECK(m.mapXToTime(-1e30) == INT64_MIN);
}

TEST_CASE("an invalid TimeMapping maps everything to its origin", "[render][mapping]") {
    const TimeMapping empty;
    CHECK_FALSE(empty.isValid());
    CHECK(empty.mapTimeToX(42) == 0.0);
    CHECK(empty.mapXToTime(42) == 0);
    const TimeMapping reversed(10, 5, 3.0, 100.0);
    CHECK_FALSE(reversed.isValid());
    CHECK(reversed.mapTimeToX(7) == 3.0);
    CHECK(reversed.nsPerPixel() == 0.0);
    CHECK(TimeMapping(0, 10, 0, 5) == TimeMapping(0, 10, 0, 5));
    CHECK_FALSE(TimeMapping(0, 10, 0, 5) == TimeMapping(0, 11, 0, 5));
}

TEST_CASE("ScenarioClock reads the lesson's own seconds", "[render][mapping]") {
    ScenarioClock clock{1'000'000'000, 20.0}; // speed 20: 50 ms of real time is 1 s
    CHECK(clock.seconds(1'000'000'000) == Approx(0.0));
    CHECK(clock.seconds(1'050'000'000) == Approx(1.0));
    CHECK(clock.durationSeconds(25'000'000) == Approx(0.5));
    CHECK(clock.toTs(1.0) == 1'050'000'000);
    CHECK(clock.toTs(clock.seconds(1'234'567'890)) == 1'234'567'890);

    auto trace = mpviz::test::smallTrace();
    trace.speed = 4;
    const auto of = ScenarioClock::of(trace);
    CHECK(of.origin == trace.firstTs());
    CHECK(of.speed == 4.0);
    trace.speed = 0; // a broken file must not divide by zero
    CHECK(ScenarioClock::of(trace).speed == 1.0);
}

TEST_CASE("niceStep picks 1-2-5 steps", "[render][axis]") {
    CHECK(niceStep(1.0) == Approx(1.0));
    CHECK(niceStep(0.3) == Approx(0.5));
    CHECK(niceStep(0.11) == Approx(0.2));
    CHECK(niceStep(0.2) == Approx(0.2));
    CHECK(niceStep(6.0) == Approx(10.0));
    CHECK(niceStep(0.0011) == Approx(0.002));
    CHECK(niceStep(0.0) == Approx(1.0));
}

TEST_CASE("axis ticks sit on round scenario seconds", "[render][axis]") {
    const std::int64_t origin = 5'000'000'000;
    const ScenarioClock clock{origin, 1.0};
    const TimeMapping m(origin, origin + 1'000'000'000, 50.0, 1000.0); // 1 s over 1000 px
    const auto ticks = axisTicks(m, clock, 80.0);                      // ≥ 80 px → 0.1 s
    REQUIRE(ticks.size() == 11);
    CHECK(ticks.front().label == QStringLiteral("0.0 s"));
    CHECK(ticks[5].label == QStringLiteral("0.5 s"));
    CHECK(ticks.back().label == QStringLiteral("1.0 s"));
    CHECK(ticks[3].x == Approx(350.0));
    for (std::size_t i = 1; i < ticks.size(); ++i)
        CHECK(ticks[i].x - ticks[i - 1].x >= 80.0);

    // Speed 10: the same real second is 10 scenario seconds.
    const auto fast = axisTicks(m, ScenarioClock{origin, 10.0}, 80.0);
    REQUIRE(fast.size() == 11);
    CHECK(fast.back().label == QStringLiteral("10 s"));

    CHECK(axisTicks(TimeMapping{}, clock, 80.0).empty());
}

TEST_CASE("seconds and durations are written for people", "[render][axis]") {
    CHECK(formatSeconds(0.25, 0.05) == QStringLiteral("0.25 s"));
    CHECK(formatSeconds(2, 1) == QStringLiteral("2 s"));
    CHECK(formatSeconds(0.0015, 0.0005) == QStringLiteral("1.5 ms"));
    CHECK(formatSeconds(-1e-12, 0.1) == QStringLiteral("0.0 s"));
    CHECK(formatDuration(2.0) == QStringLiteral("2 s"));
    CHECK(formatDuration(0.35) == QStringLiteral("0.35 s"));
    CHECK(formatDuration(12.26) == QStringLiteral("12.3 s"));
    CHECK(formatDuration(0.012) == QStringLiteral("12 ms"));
    CHECK(formatDuration(40e-6) == QStringLiteral("40 µs"));
}
