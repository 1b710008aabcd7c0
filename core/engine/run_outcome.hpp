#pragma once
// "Run it N times": what one run came to, so that runs can be grouped by it. A run's outcome
// is how it ended and what it left behind: the last line it printed (the tutorials' programs
// end by printing their result: "final value: 9 expected: 10"), else the final number of each
// shared Value; a deadlock names its cycle.

#include "trace/trace.hpp"

#include <string>
#include <vector>

namespace mpviz::engine {

inline constexpr int kMaxRepeatRuns = 200; // "Run N times": N at most

// "completed: final value: 9 expected: 10", "deadlock: MainProcess waits for Process-1 …".
std::string runOutcome(const trace::TraceData& d);

struct OutcomeGroup {
    std::string outcome;
    std::vector<int> runs; // 1-based run numbers, in order
};

// outcomes[i] is run i+1's: the groups, most runs first (ties: the first seen first).
std::vector<OutcomeGroup> groupOutcomes(const std::vector<std::string>& outcomes);

} // namespace mpviz::engine
