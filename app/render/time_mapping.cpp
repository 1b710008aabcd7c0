// Time ↔ pixel mapping. Differences are taken in double: trace timestamps (monotonic ns,
// ~1e14) are exact below 2^53, and Slice::kOpen still maps far off to the right.

#include "render/time_mapping.hpp"

#include "trace/trace.hpp"

#include <cmath>
#include <limits>

namespace mpviz::render {
namespace {

std::int64_t saturate(double t) {
    // 2^63 as a double; anything at or beyond it does not fit an int64.
    constexpr double kLimit = 9223372036854775808.0;
    if (std::isnan(t)) return 0;
    if (t >= kLimit) return std::numeric_limits<std::int64_t>::max();
    if (t <= -kLimit) return std::numeric_limits<std::int64_t>::min();
    return static_cast<std::int64_t>(std::llround(t));
}

} // namespace

TimeMapping::TimeMapping(std::int64_t t0, std::int64_t t1, double x0, double width)
    : t0_(t0), t1_(t1), x0_(x0), width_(width) {
    if (isValid()) pxPerNs_ = width_ / (static_cast<double>(t1_) - static_cast<double>(t0_));
}

double TimeMapping::nsPerPixel() const {
    if (!isValid()) return 0;
    return (static_cast<double>(t1_) - static_cast<double>(t0_)) / width_;
}

double TimeMapping::mapTimeToX(std::int64_t t) const {
    if (!isValid()) return x0_;
    return x0_ + (static_cast<double>(t) - static_cast<double>(t0_)) * pxPerNs_;
}

std::int64_t TimeMapping::mapXToTime(double x) const {
    if (!isValid()) return t0_;
    return saturate(static_cast<double>(t0_) + (x - x0_) * nsPerPixel());
}

double TimeMapping::durationToWidth(std::int64_t ns) const {
    if (!isValid()) return 0;
    return static_cast<double>(ns) * pxPerNs_;
}

std::int64_t TimeMapping::widthToDuration(double px) const {
    return saturate(px * nsPerPixel());
}

ScenarioClock ScenarioClock::of(const trace::TraceData& trace) {
    ScenarioClock clock;
    clock.origin = trace.firstTs();
    clock.speed = trace.speed > 0 ? trace.speed : 1.0;
    clock.steps = trace.logicalClock;
    return clock;
}

double ScenarioClock::seconds(std::int64_t ts) const {
    return (static_cast<double>(ts) - static_cast<double>(origin)) * (steps ? 1.0 : speed) / 1e9;
}

double ScenarioClock::durationSeconds(std::int64_t ns) const {
    return static_cast<double>(ns) * speed / 1e9;
}

std::int64_t ScenarioClock::toTs(double s) const {
    return saturate(static_cast<double>(origin) + s * 1e9 / (steps ? 1.0 : speed));
}

} // namespace mpviz::render
