#pragma once
// What every process and every shared object looked like at one instant, computed from
// the trace alone (live: "now"; replay: the playhead). The state view draws these; tests
// check them against the trace. No Qt widgets here.

#include "trace/trace.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mpviz::gui {

struct ProcessSnapshot {
    int index = -1;
    std::string name;
    int pid = 0;
    bool started = false; // false: not created yet at this instant
    bool ended = false;
    std::optional<int> exitcode;
    trace::State state = trace::State::NotStarted;
    trace::Op op = trace::Op::Print;         // Blocked: what it waits in
    std::uint16_t object = trace::kNoObject; // Blocked: on which object
    int peer = -1;                           // Blocked in join: the child
    std::string blockedOn; // Blocked: the child's or the object's name, as the lane says it
    // Step mode: the operation it announced and waits for you to grant ("acquire sem");
    // empty when it waits for nobody. Not in the trace: the window fills it in.
    std::string waitingFor;

    bool alive() const { return started && !ended; }
    bool operator==(const ProcessSnapshot&) const = default;
};

struct PoolWorkerSnapshot {
    int process = -1;
    std::string task; // "square(3)" while running one, empty when idle
    bool operator==(const PoolWorkerSnapshot&) const = default;
};

// A write that erased a number its writer never saw (trace.hpp, LostUpdate), as a card
// names it.
struct LostUpdateSnapshot {
    int writer = -1;
    std::int64_t written = 0;
    int erasedWriter = -1;
    std::int64_t erased = 0;
    int element = -1; // an Array's element it happened in; -1 for a Value
    bool operator==(const LostUpdateSnapshot&) const = default;
};

struct ObjectSnapshot {
    std::uint16_t object = trace::kNoObject;
    std::string name;
    trace::ObjectKind kind = trace::ObjectKind::Lock;
    std::int64_t capacity = 0;         // permits, maxsize (0 = unbounded), bytes, workers, length
    std::optional<std::int64_t> value; // free permits, queue length, pipe bytes, flag, number
    char valueType = trace::kNoValueType; // Value / Array: how its numbers read
    std::vector<int> holders;             // lock / semaphore: who holds it (process indices)
    std::vector<int> diedHolding;         // holders that ended while holding it ("owner died")
    std::vector<int> waiters;             // blocked on it, any operation
    std::vector<int> producers;           // blocked in put / send (queue full, pipe full)
    std::vector<int> consumers;           // blocked in get / recv (empty)
    std::vector<int> flushing;            // exiting processes whose queued data cannot drain
    std::vector<std::string> items;       // queue: oldest first; pipe: sent by end 0, unread
    std::vector<std::string> itemsBack;   // pipe: sent by end 1, unread
    std::int64_t unfinished = 0;          // JoinableQueue: items without task_done()
    int lastWriter = -1;                  // Value / Array
    int lastReader = -1;                  // Value / Array
    std::size_t lostUpdates = 0;          // Value / Array: how many so far
    LostUpdateSnapshot lastLost;          // Value / Array: the latest, when there is one
    std::vector<std::optional<std::int64_t>> cells; // Array
    std::vector<PoolWorkerSnapshot> workers;        // Pool: its live workers
    int exitedWorkers = 0;                          // Pool: workers already gone
    std::vector<std::string> pending;               // Pool: submitted, not started
    std::vector<std::string> results;               // Pool: "square(3) → 9", in finish order
    std::uint32_t lastEvent = UINT32_MAX;           // its latest Done event (for animation)
    bool operator==(const ObjectSnapshot&) const = default;
};

struct WorldSnapshot {
    std::int64_t t = 0;
    // Indexed like the trace's processes (processes[i].index == i): the objects' holders,
    // waiters and workers are process indices, so their names are looked up here.
    std::vector<ProcessSnapshot> processes;
    std::vector<int> laneOrder;          // process indices in the timeline's lane order
    std::vector<ObjectSnapshot> objects; // the objects a lesson talks about (see below)
};

// Internal helpers of a Pool ("pool.tasks", "pool.results") are folded into the Pool.
bool isInternalObject(const trace::TraceData& trace, std::uint16_t object);

ProcessSnapshot processAt(const trace::TraceData& trace, int process, std::int64_t t);
ObjectSnapshot objectAt(const trace::TraceData& trace, std::uint16_t object, std::int64_t t);
WorldSnapshot snapshotAt(const trace::TraceData& trace, std::int64_t t);

// A queue item or pipe message as the trace stores it ("'ice-lolly 3'"), shortened for a
// slot: quotes kept, at most `maxChars` characters.
std::string shortItem(std::string_view item, std::size_t maxChars = 14);

} // namespace mpviz::gui
