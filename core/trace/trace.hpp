#pragma once
// The trace model: what every process did and what state every shared object was in,
// over time. It knows nothing of painting or of sockets. The engine appends to it while
// a scenario runs; views read it (through SharedTrace, which adds the locking).

#include "trace/event.hpp"
#include "trace/string_table.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mpviz::trace {

enum class State : std::uint8_t { NotStarted, Running, Sleeping, Blocked, Exited };
std::string_view stateName(State s); // "running", "sleeping", "blocked", "exited", "not started"

enum class Outcome : std::uint8_t { Running, Completed, Deadlock, Timeout, Stopped };
std::string_view outcomeName(Outcome o); // "running", "completed", "deadlock", "timeout", "stopped"
std::optional<Outcome> outcomeFromName(std::string_view name);

struct ProcessInfo {
    int pid = 0;
    int ppid = 0;
    int parent = -1;  // index of the parent process in the trace, -1 for the root
    std::string name; // "MainProcess", "Process-1", or the name the scenario gave
    bool daemon = false;
    std::int64_t startTs = 0;
    std::optional<std::int64_t> endTs; // when its connection closed / it was reaped
    std::optional<int> exitcode;       // Python convention: negative = killed by that signal
    Runtime runtime = Runtime::Cpp;    // a C++ lesson, or a Python program
};

struct ObjectInfo {
    std::string name; // the scenario's own name: "lock", "queue", "sem"…
    ObjectKind kind = ObjectKind::Lock;
    std::int64_t capacity = 0;     // semaphore permits, queue maxsize (0 = unbounded), pipe
                                   // buffer bytes, pool workers, array length
    char valueType = kNoValueType; // Value / Array: how its numbers read (shared_number.hpp)
};

// A stretch of time one process spent in one state. Slices of one process never overlap
// and are sorted by begin. The last slice of a live process is open: end == kOpen.
struct Slice {
    static constexpr std::int64_t kOpen = INT64_MAX;
    std::int64_t begin = 0;
    std::int64_t end = kOpen;
    State state = State::Running;
    Op op = Op::Print;                // for Blocked: what it waits in (acquire, join, get…)
    std::uint16_t object = kNoObject; // for Blocked: on which object (join: kNoObject)
    int peer = -1;                    // for Blocked in join: the child process index
};

// A stretch of time one process held a Lock or one Semaphore permit: from its acquire to
// its release. A process's holds stack in levels: a new hold takes the lowest level that
// none of its unreleased holds occupies, so an RLock taken again, or a second lock taken
// inside the first, sits one level above; holds of one level never overlap, so a level is
// sorted by begin and by end alike.
struct Hold {
    std::int64_t begin = 0;          // the acquire
    std::int64_t end = Slice::kOpen; // the release; open while held
    std::uint16_t object = kNoObject;
    std::uint16_t level = 0;
    // The process ended before it released it: the hold ends with the process, yet the
    // object stays held by it from then on (a lock nobody will release). Not when it ended
    // after a deadlock was found: mpviz ended it to clean up, the program did not.
    bool diedHolding = false;
};

// One sample of a shared object's observable state (semaphore value, queue length,
// bytes in a pipe, flag 0/1, a Value's number). Sorted by ts.
struct CounterSample {
    std::int64_t ts = 0;
    std::int64_t value = 0;
};

// A write to a Value (or to one element of an Array) that erased a number its writer never
// saw: the writer's last read of it came before another process's write, and this write is
// the next one after it (`v.value += 1` without a lock: both read 3, both write 4, one
// increment is gone; `arr[i] += 1` the same, element by element).
struct LostUpdate {
    std::uint32_t write = 0;  // event index: the write that erased it
    std::uint32_t erased = 0; // event index: the other process's write it erased
};

// An arrow from one event to another: put → the get that took that item, send → recv,
// set → each wait it released, start → the child's first event, exit → the join.
struct Message {
    enum class Kind : std::uint8_t { Item, Wake, Start, Exit };
    std::uint32_t from = 0; // event index
    std::uint32_t to = 0;   // event index
    Kind kind = Kind::Item;
};

struct DeadlockEdge {
    int from = 0; // process index
    int to = 0;   // process index
    Op op = Op::Join;
    std::uint16_t object = kNoObject;
};

struct DeadlockReport {
    std::int64_t ts = 0;
    std::vector<int> cycle; // process indices, in wait-for order
    std::vector<DeadlockEdge> edges;
};

class TraceData {
  public:
    // --- building (the engine, the JSON importer) ---
    int addProcess(ProcessInfo info);         // returns its index
    std::uint16_t addObject(ObjectInfo info); // returns its index
    // An object declared again keeps its first declaration, but learns a value type it lacked.
    std::uint16_t findOrAddObject(std::string_view name, ObjectKind kind, std::int64_t capacity,
                                  char valueType = kNoValueType);
    std::uint32_t intern(std::string_view text); // string table index (0 = "")
    // Events of one process must arrive in time order. `at`: where in the program it was
    // done, stored beside the event only when known.
    void append(const Event& e, const SourceSpot& at = {});
    // The process ended at `ts`. With its exit code known, the trace holds its `exit` event
    // from then on: the one the process sent, or, when it sent none (killed by a signal,
    // never connected), one recorded here at `ts`, updated if a later call learns more.
    void setProcessEnd(int process, std::int64_t ts, std::optional<int> exitcode);
    void setDeadlock(DeadlockReport report);
    // The session lasted over `ts`, though no event may be there: a saved session's start
    // and end (a run stopped after its last event). Every time appended is noted as well.
    void noteTime(std::int64_t ts);
    void setOutcome(Outcome o) { outcome_ = o; }
    std::string scenario;
    std::map<std::string, std::string> params;
    double speed = 1.0;
    bool logicalClock = false; // timestamps are steps (logical_time.hpp), not wall time

    // --- reading ---
    std::span<const ProcessInfo> processes() const { return processes_; }
    std::span<const ObjectInfo> objects() const { return objects_; }
    std::span<const Event> events() const { return events_; } // in arrival order
    std::string_view text(std::uint32_t index) const;
    int processIndexByPid(int pid) const; // -1 when unknown
    std::optional<std::uint16_t> objectByName(std::string_view name) const;
    // A Value's or Array's number as a person reads it (its value type decides).
    std::string numberText(std::uint16_t object, std::int64_t value) const;
    Outcome outcome() const { return outcome_; }
    const std::optional<DeadlockReport>& deadlock() const { return deadlock_; }
    std::int64_t firstTs() const; // the session's t = 0 (first process start)
    std::int64_t lastTs() const;  // latest timestamp seen

    // Per-process views, sorted by time.
    std::span<const Slice> slices(int process) const;
    std::span<const std::uint32_t> processEvents(int process) const; // event indices
    // Binary searches: the slices / events of `process` that intersect [t0, t1).
    std::span<const Slice> slicesIn(int process, std::int64_t t0, std::int64_t t1) const;
    std::span<const std::uint32_t> eventsIn(int process, std::int64_t t0, std::int64_t t1) const;
    State stateAt(int process, std::int64_t t) const;
    const Slice* sliceAt(int process, std::int64_t t) const;

    // Where an event was done in the program (thread, file, line); nothing known: {}.
    SourceSpot sourceOf(std::uint32_t event) const;
    // The last known source line of `process` at time t: the spot of its latest event at or
    // before t that names a line. What the code panel highlights for that process.
    std::optional<SourceSpot> sourceLineAt(int process, std::int64_t t) const;

    // What `process` held, level by level (see Hold): holdLevels(p) levels, each sorted by
    // time; holdsIn: the holds of one level that intersect [t0, t1) (binary search).
    int holdLevels(int process) const;
    std::span<const Hold> holds(int process, int level) const;
    std::span<const Hold> holdsIn(int process, int level, std::int64_t t0, std::int64_t t1) const;

    // Per-object state history.
    // The Done events on `object`, by (ts, seq); those with ts <= t.
    std::span<const std::uint32_t> doneEvents(std::uint16_t object) const;
    std::span<const std::uint32_t> doneEventsUpTo(std::uint16_t object, std::int64_t t) const;
    std::span<const CounterSample> counter(std::uint16_t object) const;
    std::optional<std::int64_t> valueAt(std::uint16_t object, std::int64_t t) const;
    // Who held a lock/semaphore at t (process indices, from holds()): a process that died
    // holding it still holds it. Who was blocked on an object at t.
    std::vector<int> holdersAt(std::uint16_t object, std::int64_t t) const;
    // `process` ended holding `object` (see Hold::diedHolding).
    bool diedHolding(int process, std::uint16_t object) const;
    std::vector<int> waitersAt(std::uint16_t object, std::int64_t t) const;
    // Items in a queue at t, oldest first (text indices).
    std::vector<std::uint32_t> queueItemsAt(std::uint16_t object, std::int64_t t) const;
    // Messages sent through end `sendingEnd` (0|1) of a pipe and not received by t, oldest
    // first (text indices).
    std::vector<std::uint32_t> pipeItemsAt(std::uint16_t object, int sendingEnd,
                                           std::int64_t t) const;
    // A Value's or an Array's lost updates (an Array's of every element: the events say
    // which), by the erasing write's (ts, seq); those whose write is at or before t.
    std::span<const LostUpdate> lostUpdates(std::uint16_t object) const;
    std::span<const LostUpdate> lostUpdatesUpTo(std::uint16_t object, std::int64_t t) const;

    // Arrows between events; recomputed lazily when events were appended.
    const std::vector<Message>& messages() const;

    std::size_t memoryBytes() const; // what the stored events and derived data occupy

  private:
    // One direction of items through a queue or pipe. The k-th source pairs with the k-th
    // sink, so arrows and queue contents come from ranks instead of replaying history.
    struct Channel {
        std::vector<std::uint32_t> sources; // Put / Send Done event indices, by (ts, seq)
        std::vector<std::uint32_t> sinks;   // Get / Recv Done event indices, by (ts, seq)
        // Lazy arrow state: where rank k's arrow sits in messages_, and the first rank whose
        // pairing changed since messages() last ran (late events insert mid-list).
        mutable std::vector<std::uint32_t> arrowSlots;
        mutable std::uint32_t dirtyRank = 0;
    };
    struct ObjectHistory {
        // Every Done event, by (ts, seq) up to `doneSorted`, those after it as they arrived:
        // appending orders nothing; the first read after a change sorts them in (sortDone).
        // Who held it and who set it are read from here too.
        mutable std::vector<std::uint32_t> done;
        mutable std::size_t doneSorted = 0;
        std::array<Channel, 2> channels; // queue: [0]; pipe: indexed by the sending end
        mutable std::int64_t earliestNewSet = INT64_MAX; // wake arrows to revisit
        // A Value or an Array: its lost updates among done[0, watched), and what finding the
        // next one needs (event indices; UINT32_MAX: none yet). A Value is one element. An
        // access sorted in before `watched` makes them all be found again.
        mutable std::vector<LostUpdate> lostUpdates;
        mutable std::vector<std::uint32_t> lastWrite; // by element
        // By process and element: [process · elements + element].
        mutable std::vector<std::uint32_t> lastReadBy;
        mutable std::size_t watched = 0;
    };
    struct WakeWaiter {
        std::uint32_t wait = 0;          // the Wait Done event
        std::int64_t blockedSince = 0;   // when its Blocked slice began
        std::uint32_t slot = UINT32_MAX; // its arrow in messages_, none yet
    };
    // A mutex that copies as a fresh one: messages() fills its cache under a read lock
    // (several readers at once), yet TraceData stays a copyable value.
    struct CacheMutex {
        std::mutex mutex;
        CacheMutex() = default;
        CacheMutex(const CacheMutex&) {}
        CacheMutex& operator=(const CacheMutex&) { return *this; }
    };

    void checkProcess(int process, const char* where) const;
    void moveStartBack(int process, std::int64_t ts);
    void resolveJoinPeers(int process);
    void openSlice(int process, std::int64_t ts, const Slice& next);
    void closeSlice(int process, std::int64_t ts);
    void updateSlices(const Event& e);
    void recordObjectEvent(const Event& e, std::uint32_t index);
    void sortCounter(std::uint16_t object) const;
    std::uint32_t insertByTime(std::vector<std::uint32_t>& list, std::uint32_t index) const;
    std::vector<std::uint32_t> pendingSources(const Channel& channel, std::int64_t t) const;
    void updateChannelArrows() const;
    void updateWakeArrows() const;
    void updateProcessArrows() const;
    std::optional<std::uint32_t> wakingSet(std::uint16_t object, const WakeWaiter& w) const;
    void placeArrow(std::uint32_t& slot, Message m) const;
    void recordExit(int process, std::int64_t ts, int exitcode);
    const ObjectHistory* sortedHistory(std::uint16_t object) const;
    void sortDone(const ObjectHistory& history) const;
    void watchAccess(const ObjectHistory& history, std::uint32_t index) const;
    const std::vector<std::vector<Hold>>& holdsOf(int process) const;
    void catchUpHolds(int process) const;
    void updateHolds(const Event& e, int change) const;
    void endHolds(int process, std::int64_t ts);
    bool endedByDeadlockCleanup(std::int64_t ts) const;

    // Implementation detail lives in trace.cpp; the members below are the model's state.
    std::vector<ProcessInfo> processes_;
    std::vector<ObjectInfo> objects_;
    StringTable strings_;
    std::vector<Event> events_;
    std::vector<std::vector<std::uint32_t>> processEvents_;
    // The timestamps of processEvents_, side by side: time searches then read one
    // contiguous array instead of jumping across the whole event store.
    std::vector<std::vector<std::int64_t>> processTimes_;
    std::vector<std::vector<Slice>> slices_;
    // Per process, the events that know where they were done, by event index (which is also
    // time order within a process). Most C++ lesson events have none and cost nothing here.
    struct SpotEntry {
        std::uint32_t event = 0;
        SourceSpot at;
    };
    std::vector<std::vector<SpotEntry>> spots_;
    // Per object: its samples by ts up to countersSorted_, those after it as they arrived,
    // sorted in on the first read after a change (as the done lists).
    mutable std::vector<std::vector<CounterSample>> counters_;
    mutable std::vector<std::size_t> countersSorted_;
    // Per process, per level: its holds (see Hold); and the ones not released yet, oldest
    // first, as (level, position in that level). Derived from the process's first
    // holdsUpTo_ events only: appending does not fold them in, the next read does.
    mutable std::vector<std::vector<std::vector<Hold>>> holds_;
    mutable std::vector<std::vector<std::pair<std::uint16_t, std::uint32_t>>> unreleased_;
    mutable std::vector<std::size_t> holdsUpTo_;
    std::vector<ObjectHistory> objectHistory_;
    std::unordered_map<int, int> processByPid_;
    // Per process: its Exit Done event (kNoExit: none yet).
    static constexpr std::uint32_t kNoExit = UINT32_MAX;
    std::vector<std::uint32_t> exitEvent_;
    // Join slices whose child was not in the trace yet (a child killed before it said
    // hello is added at the end), by the child's pid: (process index, slice begin).
    std::unordered_map<int, std::vector<std::pair<int, std::int64_t>>> unresolvedJoins_;
    std::unordered_map<std::string, std::uint16_t, StringTable::Hash, std::equal_to<>>
        objectByName_;
    std::optional<DeadlockReport> deadlock_;
    Outcome outcome_ = Outcome::Running;
    bool hasTime_ = false;
    std::int64_t firstTs_ = 0;
    std::int64_t lastTs_ = 0;
    std::uint32_t nextSeq_ = 0;
    mutable std::vector<Message> messages_;
    mutable std::size_t messagesUpTo_ = 0;
    mutable CacheMutex messagesMutex_;
    mutable std::size_t messagesProcessesSeen_ = 0;
    mutable std::vector<std::uint32_t> pendingStarts_;         // Start Done without its arrow yet
    mutable std::vector<std::uint32_t> pendingExits_;          // Exit Done without its join yet
    mutable std::vector<std::uint32_t> pendingJoins_;          // Join Done not matched to an exit
    mutable std::vector<std::vector<WakeWaiter>> wakeWaiters_; // per object
    // Readers bringing the lazily derived done lists, lost updates and holds up to date.
    // Taken after messagesMutex_ when both are.
    mutable CacheMutex derivedMutex_;
};

// The trace shared between the engine thread (writer) and the views (readers).
class SharedTrace {
  public:
    template <class F> decltype(auto) read(F&& f) const {
        std::shared_lock lock(mutex_);
        return f(static_cast<const TraceData&>(data_));
    }
    template <class F> decltype(auto) write(F&& f) {
        std::unique_lock lock(mutex_);
        ++version_;
        return f(data_);
    }
    // Bumped on every write: a view repaints only when it changed.
    std::uint64_t version() const {
        std::shared_lock lock(mutex_);
        return version_;
    }

  private:
    mutable std::shared_mutex mutex_;
    TraceData data_;
    std::uint64_t version_ = 0;
};

} // namespace mpviz::trace
