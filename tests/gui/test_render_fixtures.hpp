#pragma once
// Hand-built traces for the render and export tests (and the render benchmark): a small
// lesson-like run whose every slice time is known, a deadlock, and a synthetic trace of
// any size for the level-of-detail budget.

#include "trace/trace.hpp"

#include <cstdint>
#include <string>

namespace mpviz::test {

using trace::Event;
using trace::ObjectKind;
using trace::Op;
using trace::Phase;
using trace::TraceData;

constexpr std::int64_t kMs = 1'000'000;

// Base time of the small traces: monotonic clocks do not start at 0.
constexpr std::int64_t kT0 = 1'000'000'000'000;

class TraceBuilder {
  public:
    TraceData trace;
    int process(const std::string& name, int pid, int parent, std::int64_t startMs) {
        trace::ProcessInfo info;
        info.name = name;
        info.pid = pid;
        info.parent = parent;
        info.ppid = parent >= 0 ? trace.processes()[static_cast<std::size_t>(parent)].pid : 0;
        info.startTs = kT0 + startMs * kMs;
        return trace.addProcess(info);
    }
    std::uint16_t object(const std::string& name, ObjectKind kind, std::int64_t capacity = 0) {
        return trace.addObject({name, kind, capacity});
    }
    void event(int process, double ms, Op op, Phase phase = Phase::Done,
               std::uint16_t object = trace::kNoObject, std::int64_t value = 0,
               const std::string& text = {}, std::int16_t extra = 0) {
        Event e;
        e.ts = kT0 + static_cast<std::int64_t>(ms * kMs);
        e.op = op;
        e.phase = phase;
        e.process = static_cast<std::uint16_t>(process);
        e.object = object;
        e.value = value;
        e.extra = extra;
        if (!text.empty()) e.text = trace.intern(text);
        e.seq = seq_++;
        trace.append(e);
    }
    // MainProcess (pid 100) and the two children it started, Process-1 (101) and Process-2
    // (102), all there from 0 ms.
    struct Family {
        int main, p1, p2;
    };
    Family mainAndTwoChildren() {
        const int main = process("MainProcess", 100, -1, 0);
        return {main, process("Process-1", 101, main, 0), process("Process-2", 102, main, 0)};
    }
    void end(int process, double ms, int exitcode) {
        trace.setProcessEnd(process, kT0 + static_cast<std::int64_t>(ms * kMs), exitcode);
    }

  private:
    std::uint32_t seq_ = 0;
};

// MainProcess (100) starts Process-1 (101) and Process-2 (102); Process-1 puts 'a' and
// 'b' on a queue, sleeping 100–500 ms between; Process-2 gets them and is terminated
// while blocked in a third get. Times in ms from kT0, speed 1:
//   MainProcess  running 0–10, blocked join Process-1 10–800, running, exit 820, end 830
//   Process-1    running 5–100, sleeping 100–500, running 500–795, exited (0)
//   Process-2    running 6–10, blocked get 10–21, running 21–300, blocked get 300–511,
//                running 511–600, blocked get 600–806, killed (SIGTERM)
inline TraceData smallTrace() {
    TraceBuilder b;
    b.trace.scenario = "queue";
    const int main = b.process("MainProcess", 100, -1, 0);
    const auto queue = b.object("queue", ObjectKind::Queue);
    const int p1 = b.process("Process-1", 101, main, 5);
    const int p2 = b.process("Process-2", 102, main, 6);
    b.event(main, 1, Op::Start, Phase::Done, trace::kNoObject, 101, "Process-1");
    b.event(main, 2, Op::Start, Phase::Done, trace::kNoObject, 102, "Process-2");
    b.event(p1, 7, Op::Print, Phase::Done, trace::kNoObject, 0, "hello from Process-1");
    b.event(main, 10, Op::Join, Phase::Blocked, trace::kNoObject, 101);
    b.event(p2, 10, Op::Get, Phase::Blocked, queue);
    b.event(p1, 20, Op::Put, Phase::Done, queue, 1, "'a'");
    b.event(p2, 21, Op::Get, Phase::Done, queue, 0, "'a'");
    b.event(p2, 30, Op::Print, Phase::Done, trace::kNoObject, 0, "got 'a'");
    b.event(p1, 100, Op::Sleep, Phase::Begin, trace::kNoObject, 400 * kMs);
    b.event(p2, 300, Op::Get, Phase::Blocked, queue);
    b.event(p1, 500, Op::Sleep, Phase::Done, trace::kNoObject, 400 * kMs);
    b.event(p1, 510, Op::Put, Phase::Done, queue, 1, "'b'");
    b.event(p2, 511, Op::Get, Phase::Done, queue, 0, "'b'");
    b.event(p2, 600, Op::Get, Phase::Blocked, queue);
    b.event(p1, 790, Op::Exit, Phase::Done, trace::kNoObject, 0);
    b.end(p1, 795, 0);
    b.event(main, 800, Op::Join, Phase::Done, trace::kNoObject, 101, {}, 0);
    b.event(main, 802, Op::Terminate, Phase::Done, trace::kNoObject, 102);
    b.end(p2, 806, -15);
    b.event(main, 810, Op::Join, Phase::Done, trace::kNoObject, 102, {}, -15);
    b.event(main, 820, Op::Exit, Phase::Done, trace::kNoObject, 0);
    b.end(main, 830, 0);
    b.trace.setOutcome(trace::Outcome::Completed);
    return std::move(b.trace);
}

// deadlock-on-join: MainProcess blocked joining Process-1 from 10 ms, Process-1 blocked
// flushing its queue from 20 ms; detected at 500 ms, both killed at 520 ms.
inline TraceData deadlockTrace() {
    TraceBuilder b;
    b.trace.scenario = "deadlock-on-join";
    const int main = b.process("MainProcess", 200, -1, 0);
    const auto queue = b.object("queue", ObjectKind::Queue);
    const int p1 = b.process("Process-1", 201, main, 3);
    b.event(main, 2, Op::Start, Phase::Done, trace::kNoObject, 201, "Process-1");
    b.event(main, 10, Op::Join, Phase::Blocked, trace::kNoObject, 201);
    b.event(p1, 15, Op::Put, Phase::Done, queue, 1, "'XXXX…'");
    b.event(p1, 20, Op::Flush, Phase::Blocked, queue);
    trace::DeadlockReport report;
    report.ts = kT0 + 500 * kMs;
    report.cycle = {main, p1};
    report.edges = {{main, p1, Op::Join, trace::kNoObject}, {p1, main, Op::Flush, queue}};
    b.trace.setDeadlock(report);
    b.end(main, 520, -9);
    b.end(p1, 520, -9);
    b.trace.setOutcome(trace::Outcome::Deadlock);
    return std::move(b.trace);
}

// `events` events over `processes` lanes (about 6 per cycle): acquire blocked → acquire →
// release → sleep → put or get on a queue shared by lane pairs, so there are slices of
// every state and item arrows everywhere. Cycles are `periodNs` apart.
inline TraceData syntheticTrace(std::size_t events, int processes = 8,
                                std::int64_t periodNs = 10'000) {
    TraceBuilder b;
    b.trace.scenario = "synthetic";
    const int root = b.process("MainProcess", 1000, -1, 0);
    for (int p = 1; p < processes; ++p)
        b.process("Process-" + std::to_string(p), 1000 + p, root, 0);
    const auto lock = b.object("lock", ObjectKind::Lock);
    std::vector<std::uint16_t> queues;
    for (int q = 0; q < (processes + 1) / 2; ++q)
        queues.push_back(b.object("queue" + std::to_string(q), ObjectKind::Queue));
    const auto item = b.trace.intern("'x'");
    std::uint32_t seq = 0;
    const std::size_t perCycle = 6;
    const std::size_t cycles = events / perCycle / static_cast<std::size_t>(processes);
    Event e;
    for (std::size_t c = 0; c < cycles; ++c) {
        for (int p = 0; p < processes; ++p) {
            const std::int64_t t = kT0 + static_cast<std::int64_t>(c) * periodNs + p * 7;
            const auto queue = queues[static_cast<std::size_t>(p / 2)];
            auto add = [&](std::int64_t dt, Op op, Phase phase, std::uint16_t object,
                           std::uint32_t text = 0) {
                e.ts = t + dt * periodNs / 100;
                e.op = op;
                e.phase = phase;
                e.process = static_cast<std::uint16_t>(p);
                e.object = object;
                e.text = text;
                e.value = 0;
                e.seq = seq++;
                b.trace.append(e);
            };
            add(0, Op::Acquire, Phase::Blocked, lock);
            add(20, Op::Acquire, Phase::Done, lock);
            add(40, Op::Release, Phase::Done, lock);
            add(50, Op::Sleep, Phase::Begin, trace::kNoObject);
            add(80, Op::Sleep, Phase::Done, trace::kNoObject);
            // The getter takes the item a hair after its pair put it.
            add(p % 2 == 0 ? 90 : 91, p % 2 == 0 ? Op::Put : Op::Get, Phase::Done, queue, item);
        }
    }
    b.trace.setOutcome(trace::Outcome::Completed);
    return std::move(b.trace);
}

} // namespace mpviz::test
