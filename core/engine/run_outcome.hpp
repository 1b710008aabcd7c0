#pragma once
// "Run it N times": what one run came to, so that runs can be grouped by it. A run's outcome
// is how it ended and what it left behind: the last line it printed (the tutorials' programs
// end by printing their result: "final value: 9 expected: 10"), else the final number of each
// shared Value; a deadlock names its cycle.

#include "engine/words.hpp"
#include "trace/trace.hpp"

#include <string>
#include <vector>

namespace mpviz::engine {

inline constexpr int kMaxRepeatRuns = 200; // "Run N times": N at most

// How one run ended and what it left; runs with equal outcomes are counted together.
struct RunOutcome {
    trace::Outcome how = trace::Outcome::Completed;
    std::string detail; // the last printed line, else "v = 9, …"; a deadlock: "A → B" (cycle)
    bool operator==(const RunOutcome&) const = default;
};
RunOutcome runOutcome(const trace::TraceData& d);

// "completed: final value: 9 expected: 10", "deadlock (MainProcess → Process-1)": English
// for the command line, or with `translate` (engine/words.hpp) in the window's language.
std::string outcomeText(const RunOutcome& outcome, const Translate& translate = {});

struct OutcomeGroup {
    RunOutcome outcome;
    std::vector<int> runs; // 1-based run numbers, in order
};

// outcomes[i] is run i+1's: the groups, most runs first (ties: the first seen first).
std::vector<OutcomeGroup> groupOutcomes(const std::vector<RunOutcome>& outcomes);

} // namespace mpviz::engine
