#pragma once
// Time ↔ pixel mapping of the timeline, and the scenario clock its axis speaks. Value types
// with no Qt in them: the painter, the hit tests and the window all map through these, so
// what is drawn and what is clicked always agree.

#include "trace/scenario_clock.hpp"

#include <cstdint>

namespace mpviz::render {

// Maps trace time (ns on the trace's clock) onto the x pixels of the plot area:
// [t0, t1) onto [x0, x0 + width). Times outside the range map outside the plot (not
// clamped), so a slice that starts off-screen still gets its true left edge.
// Invariant: a valid mapping has t1 > t0 and width > 0; an invalid one maps every time
// to x0 and every x to t0.
class TimeMapping {
  public:
    constexpr TimeMapping() = default;
    TimeMapping(std::int64_t t0, std::int64_t t1, double x0, double width);

    double mapTimeToX(std::int64_t t) const;
    std::int64_t mapXToTime(double x) const; // saturates at the int64 range
    double durationToWidth(std::int64_t ns) const;
    std::int64_t widthToDuration(double px) const;

    std::int64_t t0() const { return t0_; }
    std::int64_t t1() const { return t1_; }
    double x0() const { return x0_; }
    double width() const { return width_; }
    double right() const { return x0_ + width_; }
    double nsPerPixel() const; // 0 when invalid
    bool isValid() const { return t1_ > t0_ && width_ > 0; }

    bool operator==(const TimeMapping&) const = default;

  private:
    std::int64_t t0_ = 0;
    std::int64_t t1_ = 0;
    double x0_ = 0;
    double width_ = 0;
    double pxPerNs_ = 0; // derived: kept so mapping a time costs no division
};

// The axis speaks the scenario clock, which the log and the command line read too.
using trace::ScenarioClock;

} // namespace mpviz::render
