#pragma once
// Builds small traces by hand for the trace model tests: one line per event, as the
// engine would append them.

#include "trace/trace.hpp"

#include <string>
#include <string_view>

namespace mpviz::trace::testing {

// What sets a process apart beyond its name, pid, start and parent.
struct ProcessTraits {
    bool daemon = false;
    Runtime runtime = Runtime::Cpp;
};

struct TraceScript {
    TraceData trace;

    int process(std::string name, int pid, std::int64_t start, int ppid = 1,
                ProcessTraits traits = {}) {
        ProcessInfo info;
        info.pid = pid;
        info.ppid = ppid;
        info.name = std::move(name);
        info.startTs = start;
        info.daemon = traits.daemon;
        info.runtime = traits.runtime;
        return trace.addProcess(std::move(info));
    }

    std::uint16_t object(std::string name, ObjectKind kind, std::int64_t capacity = 0) {
        return trace.addObject(ObjectInfo{std::move(name), kind, capacity});
    }

    // `at`: where in the program it was done (a Python program's thread, file and line).
    void event(int process, std::int64_t ts, Op op, Phase phase, std::uint16_t object = kNoObject,
               std::int64_t value = 0, std::string_view text = {}, std::int16_t extra = 0,
               SourceSpot at = {}) {
        Event e;
        e.ts = ts;
        e.process = static_cast<std::uint16_t>(process);
        e.op = op;
        e.phase = phase;
        e.object = object;
        e.value = value;
        e.text = trace.intern(text);
        e.extra = extra;
        trace.append(e, at);
    }

    // The processes A and B (pids 1 and 2), both there from 0: most scripts' cast.
    struct TwoProcesses {
        int a, b;
    };
    TwoProcesses twoProcesses() { return {process("A", 1, 0), process("B", 2, 0)}; }

    // A lesson's MainProcess (pid 100, from 0) and the two children it started, Process-1
    // (101, from 1) and Process-2 (102, from 2).
    struct Family {
        int main, p1, p2;
    };
    Family mainAndTwoChildren() {
        return {process("MainProcess", 100, 0, 1), process("Process-1", 101, 1, 100),
                process("Process-2", 102, 2, 100)};
    }

    // A queue that two producers P1 and P2 feed and a consumer C drains, all there from 0.
    struct QueueCast {
        std::uint16_t queue;
        int p1, p2, consumer;
    };
    QueueCast queueCast() {
        return {object("queue", ObjectKind::Queue), process("P1", 1, 0), process("P2", 2, 0),
                process("C", 3, 0)};
    }
    // A pipe between A and B, both there from 0.
    struct PipeCast {
        std::uint16_t pipe;
        int a, b;
    };
    PipeCast pipeCast() {
        const auto pipe = object("pipe", ObjectKind::Pipe);
        const auto [a, b] = twoProcesses();
        return {pipe, a, b};
    }

    // An operation that had to wait: Blocked at `from`, Done at `to`.
    void blocked(int process, std::int64_t from, std::int64_t to, Op op,
                 std::uint16_t object = kNoObject, std::int64_t value = 0,
                 std::string_view text = {}, std::int16_t extra = 0) {
        // As the engine records a join: the child's pid and name from the moment it blocks.
        event(process, from, op, Phase::Blocked, object, op == Op::Join ? value : 0,
              op == Op::Join ? text : std::string_view{}, extra);
        event(process, to, op, Phase::Done, object, value, text,
              op == Op::Join ? std::int16_t{0} : extra);
    }
};

} // namespace mpviz::trace::testing
