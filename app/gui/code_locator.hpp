#pragma once
// Which line of the code on screen an event comes from. A Python program's events carry
// their own file and line (wire protocol v2): those of the program's file are its lines.
// For a lesson's listing, scenarios give hints
// per "target:op" (Scenario::lineOfOp); the trace names processes, not their targets, so
// each process is matched to a target: MainProcess is "main", a process named after a
// target is that target, otherwise the target whose hinted operations best cover what the
// process did.

#include "trace/trace.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

// Forward declarations: moc cannot parse the C++20 concepts scenario.hpp pulls in.
namespace mpviz::scenarios {
struct Parameter;
struct Scenario;
} // namespace mpviz::scenarios

namespace mpviz::gui {

class CodeLocator {
  public:
    explicit CodeLocator(const scenarios::Scenario* scenario = nullptr);
    // A Python program's own file, by its file name (a converted Python 2 copy runs from
    // another folder under the same name).
    static CodeLocator forProgram(std::string fileName);

    // 1-based listing line of `event`, or 0 when there is no hint for it.
    int lineOf(const trace::TraceData& trace, std::uint32_t event) const;
    // The target a process runs ("main", "worker", …), empty when unknown.
    std::string targetOf(const trace::TraceData& trace, int process) const;

  private:
    // What each process did so far, kept up to date incrementally: the code panel asks
    // every frame, and rescanning a long-running process's events each time would not do.
    struct ProcessOps {
        const trace::TraceData* trace = nullptr;
        std::size_t scanned = 0;
        std::set<trace::Op> ops;
        std::string target;
    };

    const scenarios::Scenario* scenario_;
    std::string programFile_;          // set for a Python program: its file name
    std::vector<std::string> targets_; // every target named in the hints, "main" included
    mutable std::vector<ProcessOps> cache_;
};

} // namespace mpviz::gui
