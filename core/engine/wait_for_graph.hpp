#pragma once
// Who waits for whom when every live process is blocked: the wait-for graph and a cycle in
// it. Kept apart from the Session so the rules can be read (and tested) on their own.

#include "trace/trace.hpp"

#include <map>
#include <optional>
#include <set>
#include <vector>

namespace mpviz::engine {

struct BlockedOn {
    trace::Op op = trace::Op::Join;
    std::uint16_t object = trace::kNoObject; // trace object index
    int childPid = 0;                        // for join
    bool timed = false;                      // a timeout will wake it
};

struct LiveProcess {
    int index = 0; // in the trace
    int pid = 0;
    std::optional<BlockedOn> blocked;
    bool sleeping = false;
    std::set<std::uint16_t> objects; // objects it declared (could act on)
};

// Rules: join → the child; acquire → the lock's / semaphore's holders; get, recv, wait,
// queue join → every other process that holds the object (it could put, send, set, task_done);
// put on a full queue, flush, send on a full pipe → every other holder (it could read).
std::vector<trace::DeadlockEdge>
waitForEdges(const std::vector<LiveProcess>& live,
             const std::map<std::uint16_t, std::map<int, int>>& holders,
             const std::map<int, int>& indexOfPid);

// True when one process waits in flush on a queue while another waits in get on it: the
// first one's feeder writes into the very pipe the second one reads, so bytes are moving,
// however long a loaded machine makes a big item take. Not a deadlock, even with no event.
bool transferUnderway(const std::vector<LiveProcess>& live);

// A cycle of process indices through the edges (empty when there is none).
std::vector<int> findCycle(const std::vector<trace::DeadlockEdge>& edges);

} // namespace mpviz::engine
