#pragma once
// Which `args` keys carry an operation's numbers and text in the Chrome trace JSON.
// Export and import share this table, so a trace reads back exactly as it was written.

#include "trace/event.hpp"

#include <string_view>

namespace mpviz::trace::chrome {

struct OpArgKeys {
    std::string_view value; // key of Event::value
    std::string_view text;  // key of the text (for start/join/terminate: the child's name)
    std::string_view extra; // key of Event::extra
    bool valueAlways;       // written even when 0, because 0 means something
    bool textAlways;        // written even when empty
    bool extraAlways;
};

inline OpArgKeys opArgKeys(Op op) {
    switch (op) {
    case Op::Start:
    case Op::Terminate:
        return {"child", "object", "extra", true, false, false};
    case Op::Join:
        return {"child", "object", "exitcode", true, false, false};
    case Op::Exit:
        return {"exitcode", "text", "extra", true, false, false};
    case Op::Print:
        return {"value", "text", "extra", false, true, false};
    case Op::Sleep:
        return {"duration_ns", "text", "extra", true, false, false};
    case Op::Put:
    case Op::Get:
        return {"length", "item", "extra", true, true, false};
    case Op::Send:
    case Op::Recv:
        return {"bytes", "item", "end", true, true, true};
    case Op::Submit:
    case Op::TaskStart:
        return {"task", "call", "extra", true, true, false};
    case Op::TaskEnd:
        return {"task", "result", "extra", true, true, false};
    case Op::Read:
    case Op::Write:
        return {"value", "text", "index", true, false, false};
    case Op::TaskDone:
        return {"unfinished", "text", "extra", true, false, false};
    case Op::Acquire:
    case Op::Release:
    case Op::Set:
    case Op::Clear:
        return {"value", "text", "extra", true, false, false};
    default: // wait ("result" is special-cased), queue_join, flush, deadlock
        return {"value", "text", "extra", false, false, false};
    }
}

// What a "blocked" slice carries of the call that blocked, beyond op and object: the
// number it reported when it began waiting, under the operation's own key (join names
// its child with "child" and "object" instead), and its `extra`: the pipe end for
// send/recv, else whether it was called with a timeout.
inline constexpr std::string_view kTimedKey = "timed";

// Where in the program an operation (or the wait that opened a slice) was done: its thread
// (0, the main thread, is left out), the source file's path and the 1-based line, each only
// when known.
inline constexpr std::string_view kThreadKey = "thread";
inline constexpr std::string_view kFileKey = "file";
inline constexpr std::string_view kLineKey = "line";
inline bool blockedExtraIsEnd(Op op) {
    return op == Op::Send || op == Op::Recv;
}

// start, join and terminate name a child process, not a shared object.
inline bool isProcessOp(Op op) {
    return op == Op::Start || op == Op::Join || op == Op::Terminate;
}

inline constexpr int kSigterm = 15;

} // namespace mpviz::trace::chrome
