#pragma once
// Logical time: the same trace with one column per step instead of wall-clock time.
//
// In step mode the gaps between operations are however long the class took to decide, so a
// wall-clock timeline is mostly waiting. Re-timed, every recorded instant becomes one step
// of kStepNs and the interleaving reads like a table: step 1 MainProcess starts Process-1,
// step 2 Process-1 acquires the lock, and so on. Times between two recorded instants keep
// their relative place inside the step, so slices, arrows and counters stay consistent.

#include "trace/trace.hpp"

#include <cstdint>
#include <vector>

namespace mpviz::trace {

class LogicalClock {
  public:
    static constexpr std::int64_t kStepNs = 1'000'000'000; // one step on the logical axis

    LogicalClock() = default;
    // Steps are the distinct timestamps of the trace's events and process starts and ends.
    explicit LogicalClock(const TraceData& trace);

    // Monotone map from trace time to logical time. The first instant maps to itself (the
    // trace's t = 0 stays put); after the last one, time approaches one more step and
    // never reaches it, so a live "now" line sits just after the latest step.
    std::int64_t toLogical(std::int64_t ts) const;
    std::size_t steps() const { return instants_.size(); }

  private:
    std::vector<std::int64_t> instants_; // sorted, distinct
};

// A copy of `trace` with every timestamp mapped through `clock` (events, process lives,
// the deadlock report). Event, process and object indices are unchanged, so a selection
// made on one holds on the other. The copy's `logicalClock` flag is set.
TraceData toLogicalTime(const TraceData& trace, const LogicalClock& clock);

} // namespace mpviz::trace
