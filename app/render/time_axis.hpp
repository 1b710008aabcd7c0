#pragma once
// Ticks of the time axis, in scenario seconds at 1-2-5 steps.

#include "render/time_mapping.hpp"

#include <QString>

#include <cstdint>
#include <vector>

namespace mpviz::render {

struct AxisTick {
    double x = 0;        // plot x of the tick
    std::int64_t ts = 0; // trace time of the tick
    double seconds = 0;  // scenario seconds (a multiple of the step)
    QString label;       // "0 s", "0.5 s", "12 ms" …
};

// Ticks over the mapping's range, at least `minSpacing` px apart, on round values of
// scenario seconds (…, 0.1, 0.2, 0.5, 1, 2, 5, 10 …). Empty for an invalid mapping.
std::vector<AxisTick> axisTicks(const TimeMapping& mapping, const ScenarioClock& clock,
                                double minSpacing);

// The tick step `axisTicks` picks: the smallest 1-2-5 step of at least `minSeconds`.
double niceStep(double minSeconds);

// "1.5 s" with as many decimals as `step` needs; below 1 ms steps it switches to "ms".
QString formatSeconds(double seconds, double step);

// A duration for tooltips and bar labels: "2 s", "0.35 s", "12 ms", "40 µs".
QString formatDuration(double seconds);

// An instant on the trace clock, "1.250 s" (or "step 4" on a logical clock).
QString formatInstant(const ScenarioClock& clock, std::int64_t ts);
// A stretch of trace time, "0.35 s" (or "3 steps" on a logical clock).
QString formatSpan(const ScenarioClock& clock, std::int64_t ns);

} // namespace mpviz::render
