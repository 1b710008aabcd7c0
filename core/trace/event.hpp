#pragma once
// The vocabulary every part of mpviz speaks: what a scenario process did, and when.
// Children encode these on the wire, the engine stores them, the views draw them.

#include <cstdint>
#include <optional>
#include <string_view>

namespace mpviz::trace {

// What a process did. The wire protocol carries these numbers: append only.
enum class Op : std::uint8_t {
    Start,     // a parent started a child: value = child pid, text = child's name; object = the
               // Pool it works for, if it is a pool's worker
    Join,      // waiting for a child: value = child pid; Done carries exitcode in `extra`
    Terminate, // value = child pid (SIGTERM sent)
    Exit,      // the process's program ended: value = exitcode (Python convention)
    Print,     // text = the printed line
    Sleep,     // value = requested duration in ns (already scaled by speed)
    Acquire,   // lock / semaphore; Done: value = semaphore value after (lock: 0 held)
    Release,   // lock / semaphore; value = semaphore value after (lock: 1 free)
    Set,       // event flag set
    Clear,     // event flag cleared
    Wait,      // event wait; Done: value = 1 if the flag was set, 0 if it timed out
    Put,       // queue put; text = item; value = queue length after
    Get,       // queue get; text = item; value = queue length after
    Send,      // pipe send; text = item; value = bytes waiting in the pipe after
    Recv,      // pipe recv; text = item; value = bytes waiting in the pipe after
    Submit,    // pool task submitted: value = task id, text = "f(x)"
    TaskStart, // a pool worker begins a task: value = task id, text = "f(x)"
    TaskEnd,   // a pool worker finished a task: value = task id, text = result
    Read,      // shared Value read: value = the number; Array: extra = element index
    Write,     // shared Value written: value = the number; Array: extra = element index
    TaskDone,  // JoinableQueue.task_done: value = unfinished tasks after
    QueueJoin, // JoinableQueue.join
    Flush,     // a queue's feeder still pushing bytes at exit: value = bytes not yet written
    Deadlock,  // engine-made: the wait-for graph has a cycle (details in the trace)
    Count
};

// Where in its life an operation is. Blocked..Done spans a "blocked" slice,
// Begin..Done a "sleeping" slice; Intent exists for the step gate.
enum class Phase : std::uint8_t {
    Intent,  // about to do it (step mode waits for a grant after this)
    Blocked, // had to wait (the state slice turns "blocked")
    Done,    // it happened (the instant recorded in the trace)
    Begin,   // a sleep began
    Failed,  // gave up: timeout, or a non-blocking call that could not proceed
};

// The kind of a shared object, for the state view and the wait-for graph.
enum class ObjectKind : std::uint8_t {
    Lock,
    Semaphore,
    Event,
    Queue,
    JoinableQueue,
    Pipe,
    Pool,
    Value,
    Array,
    Count
};

// What runs a scenario process: a C++ lesson (mpviz-child), or a Python program through
// mpviz's shim. The wire protocol carries these numbers: append only.
enum class Runtime : std::uint8_t { Cpp, Python, Count };

inline constexpr std::uint16_t kNoObject = 0xffff;
inline constexpr std::uint32_t kNoText = 0;
// A Value's or Array's element type: none (a C++ lesson's integer), or the typecode Python's
// array and ctypes modules use ('i', 'l', 'd', 'c', …). Formatting follows shared_number.hpp.
inline constexpr char kNoValueType = 0;

// What a typecode may be: one printable ASCII character, as every Python typecode is. The
// wire's one byte and the trace file's "value_type" carry exactly these (and none); the wire
// decoder and the trace importer refuse anything else, so a trace mpviz records always saves
// and reads back (a byte like 0xff would be saved as U+FFFD, which is no typecode).
constexpr bool isValueTypeCode(char c) {
    return c > ' ' && c < '\x7f';
}

// Where in the program an operation was done. Kept beside the 32-byte Event, and only for
// events that know it (Python programs; threads other than a lesson's main one).
struct SourceSpot {
    std::uint32_t thread = 0;     // 0 = the process's main thread, others 1, 2, … by first event
    std::uint32_t file = kNoText; // the source file's path, as a string table index
    std::uint32_t line = 0;       // 1-based line in that file; 0 = unknown
    bool known() const { return thread != 0 || file != kNoText || line != 0; }
    bool operator==(const SourceSpot&) const = default;
};

// One stored event: 32 bytes. Strings live once in the trace's string table.
struct Event {
    std::int64_t ts = 0;              // ns, CLOCK_MONOTONIC, one clock for all processes
    std::int64_t value = 0;           // meaning depends on op (see Op)
    std::uint32_t text = kNoText;     // string table index: item, printed line, result
    std::uint32_t seq = 0;            // per-session order of events that share a timestamp
    std::uint16_t process = 0;        // index into the trace's processes
    std::uint16_t object = kNoObject; // index into the trace's objects
    Op op = Op::Print;
    Phase phase = Phase::Done;
    std::int16_t extra = 0; // Join Done: exitcode; Send/Recv: pipe end 0|1; Read/Write: index;
                            // Blocked of a timed wait (wait/join/get/put/acquire): 1
};
static_assert(sizeof(Event) == 32, "a stored event must stay at 32 bytes");

// The order of a trace's events: by time, then by arrival (seq) among those that share one.
// Every sort, merge and search of events uses this, never its own.
inline bool happensBefore(const Event& a, const Event& b) {
    return a.ts != b.ts ? a.ts < b.ts : a.seq < b.seq;
}

// What `extra` says, read here and nowhere else.
inline int joinedExitcode(const Event& e) { // a Join Done: the child's exit code (−N: signal N)
    return e.extra;
}
inline int pipeEnd(const Event& e) { // a Send or Recv: the end it went through, 0 or 1
    return e.extra != 0 ? 1 : 0;
}
inline int arrayElement(const Event& e) { // an Array's Read or Write: the element's index
    return e.extra;
}
// What an event does to its process's holds on a Lock or Semaphore: +1, −1 or 0. The trace
// counts holds over time with it; the engine counts them as events arrive.
inline int holdChange(const Event& e) {
    if (e.phase != Phase::Done) return 0;
    return e.op == Op::Acquire ? 1 : e.op == Op::Release ? -1 : 0;
}
inline bool isTimedWait(const Event& e) { // a Blocked that gives up at a timeout
    return e.phase == Phase::Blocked && e.op != Op::Send && e.op != Op::Recv && e.extra != 0;
}

std::string_view opName(Op op); // "acquire", "task_start", … as in the trace format
std::optional<Op> opFromName(std::string_view name);
std::string_view phaseName(Phase phase);
std::string_view objectKindName(ObjectKind kind); // "lock", "semaphore", "queue", …
std::optional<ObjectKind> objectKindFromName(std::string_view name);
std::string_view runtimeName(Runtime runtime); // "cpp", "python"
std::optional<Runtime> runtimeFromName(std::string_view name);

} // namespace mpviz::trace
