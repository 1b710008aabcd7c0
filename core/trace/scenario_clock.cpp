#include "trace/scenario_clock.hpp"

#include "trace/trace.hpp"

#include <cmath>
#include <limits>

namespace mpviz::trace {

std::int64_t saturatingNs(double t) {
    // 2^63 as a double; anything at or beyond it does not fit an int64.
    constexpr double kLimit = 9223372036854775808.0;
    if (std::isnan(t)) return 0;
    if (t >= kLimit) return std::numeric_limits<std::int64_t>::max();
    if (t <= -kLimit) return std::numeric_limits<std::int64_t>::min();
    return static_cast<std::int64_t>(std::llround(t));
}

ScenarioClock ScenarioClock::of(const TraceData& trace) {
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
    return saturatingNs(static_cast<double>(origin) + s * 1e9 / (steps ? 1.0 : speed));
}

} // namespace mpviz::trace
