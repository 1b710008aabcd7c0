#pragma once
// Scenario seconds: what the lesson's (or program's) own clock reads. Run mode divides every
// sleep by the speed factor, so scenario s = (ts − origin) × speed / 1e9, origin = the trace's
// t = 0. A logical-time trace (trace::toLogicalTime) counts steps instead: one step per second
// of its clock, whatever the speed. The timeline's axis, the window's log and the command
// line's printed lines all read times through it, so they agree at any speed.

#include <cstdint>

namespace mpviz::trace {

class TraceData;

struct ScenarioClock {
    std::int64_t origin = 0;
    double speed = 1.0;
    bool steps = false;

    static ScenarioClock of(const TraceData& trace); // origin firstTs(), speed
    double seconds(std::int64_t ts) const;           // a point in time (steps on a logical clock)
    double durationSeconds(std::int64_t ns) const;   // a length of time
    std::int64_t toTs(double seconds) const;         // inverse of seconds()

    bool operator==(const ScenarioClock&) const = default;
};

// t rounded to the nearest ns, saturating at the int64 range (NaN is 0).
std::int64_t saturatingNs(double t);

} // namespace mpviz::trace
