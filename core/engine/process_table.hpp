#pragma once
// Every scenario process the engine heard of: its record (connected, ended, exit code,
// what it waits in), who holds which lock or semaphore, and which processes are still
// live. The settle rule of the step gate and the deadlock check both ask liveProcesses(),
// so they never disagree on who could still do something.

#include "engine/wait_for_graph.hpp"
#include "trace/trace.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mpviz::engine {

// One scenario process as the engine knows it.
struct ProcessRecord {
    int index = -1; // in the trace, once it said hello
    int pid = 0;
    std::string name;
    int parentIndex = -1;                     // who started it (from the Start event)
    std::uint32_t startText = trace::kNoText; // its name, as the Start event's text
    std::int64_t startedAt = 0;               // when its parent started it
    bool connected = false;
    bool ended = false;
    std::int64_t endTs = 0;
    std::optional<int> exitcode;
    std::optional<BlockedOn> blocked;
    bool sleeping = false;
    std::set<std::uint16_t> objects;
};

// The processes that could still act, as one snapshot.
struct LiveProcesses {
    std::vector<LiveProcess> connected; // said hello, not ended
    std::map<int, int> indexOfPid;      // of `connected`
    bool starting = false;              // one was started but has not said hello yet
};

using Holders = std::map<std::uint16_t, std::map<int, int>>; // object → process index → count

class ProcessTable {
  public:
    // The scenario's MainProcess (spawned by the engine, not by another scenario process).
    void addMain(int pid);
    int mainPid() const { return mainPid_; }
    void mainReaped(std::optional<int> exitcode);
    bool mainIsReaped() const { return mainReaped_; }
    ProcessRecord& main() { return byPid_[mainPid_]; }

    ProcessRecord& connected(int pid, int index, const std::string& name);
    void declared(ProcessRecord& rec, std::uint16_t object) { rec.objects.insert(object); }
    // Keeps who is blocked on what, who sleeps, who holds what, who started whom.
    void track(ProcessRecord& rec, const trace::Event& e);
    void disconnected(ProcessRecord& rec, std::int64_t ts);

    LiveProcesses liveProcesses() const;
    // Who holds what now, counted as events arrive (trace::holdChange, as the trace counts
    // them): the deadlock check runs before the sorter has passed the events to the trace.
    const Holders& holders() const { return holders_; }

    // SIGKILL to every process not known to have ended (one that escaped the group too).
    void killRemaining() const;
    // Reaps scenario processes re-parented to us (we are a child subreaper), keeping their
    // exit codes.
    void reapOrphans();
    // Writes the end of every process into the trace; a process still running when the
    // run was cut short (`killed`) was killed by SIGKILL. Processes killed before they
    // said hello are added first: their parent started them, and joined them.
    void recordEnds(trace::TraceData& t, bool killed);

  private:
    void addNeverConnected(trace::TraceData& t);

    std::map<int, ProcessRecord> byPid_; // every process we heard of
    Holders holders_;
    int mainPid_ = 0;
    bool mainReaped_ = false;
};

} // namespace mpviz::engine
