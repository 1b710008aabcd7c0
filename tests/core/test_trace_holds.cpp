// Held locks and semaphore permits as stretches of time, derived from acquire and release.

#include "test_trace_helpers.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace mpviz::trace;
using mpviz::trace::testing::TraceScript;

namespace {

struct Span {
    std::int64_t begin, end;
    std::uint16_t object;
    bool died;
    bool operator==(const Span&) const = default;
};

std::vector<Span> spansOf(const TraceData& t, int process, int level) {
    std::vector<Span> out;
    for (const Hold& h : t.holds(process, level)) {
        CHECK(h.level == level);
        out.push_back({h.begin, h.end, h.object, h.diedHolding});
    }
    return out;
}

} // namespace

TEST_CASE("a critical section is one hold from its acquire to its release", "[trace]") {
    TraceScript s;
    const auto lock = s.object("lock", ObjectKind::Lock);
    const auto [a, b] = s.twoProcesses();
    s.event(a, 10, Op::Acquire, Phase::Done, lock, 0);
    s.blocked(b, 12, 30, Op::Acquire, lock, 0);
    s.event(a, 30, Op::Release, Phase::Done, lock, 1);
    s.event(b, 50, Op::Release, Phase::Done, lock, 1);
    s.event(a, 60, Op::Acquire, Phase::Done, lock, 0);

    REQUIRE(s.trace.holdLevels(a) == 1);
    CHECK(spansOf(s.trace, a, 0) ==
          std::vector<Span>{{10, 30, lock, false}, {60, Slice::kOpen, lock, false}});
    REQUIRE(s.trace.holdLevels(b) == 1);
    // The blocked wait is no part of the hold: it begins when the acquire is done.
    CHECK(spansOf(s.trace, b, 0) == std::vector<Span>{{30, 50, lock, false}});
    // A failed or intended acquire holds nothing.
    const int c = s.process("C", 3, 0);
    s.event(c, 70, Op::Acquire, Phase::Intent, lock);
    s.event(c, 71, Op::Acquire, Phase::Failed, lock);
    CHECK(s.trace.holdLevels(c) == 0);

    CHECK(s.trace.holdsIn(a, 0, 0, 10).empty());
    CHECK(s.trace.holdsIn(a, 0, 0, 11).size() == 1);
    CHECK(s.trace.holdsIn(a, 0, 30, 60).empty());
    CHECK(s.trace.holdsIn(a, 0, 29, 61).size() == 2);
    CHECK(s.trace.holdsIn(a, 0, 1000, 2000).size() == 1); // the open one goes on
    CHECK(s.trace.holdsIn(a, 1, 0, 100).empty());
    CHECK(s.trace.holdsIn(99, 0, 0, 100).empty());
}

TEST_CASE("nested holds stack one level above the other", "[trace]") {
    TraceScript s;
    const auto rlock = s.object("rlock", ObjectKind::Lock);
    const auto first = s.object("first", ObjectKind::Lock);
    const auto second = s.object("second", ObjectKind::Lock);
    const int p = s.process("P", 1, 0);
    // An RLock taken again lets go of its inner hold first.
    s.event(p, 10, Op::Acquire, Phase::Done, rlock, 0);
    s.event(p, 20, Op::Acquire, Phase::Done, rlock, 0);
    s.event(p, 30, Op::Release, Phase::Done, rlock, 0);
    s.event(p, 40, Op::Release, Phase::Done, rlock, 1);
    // Two locks in lock order, let go in the same order: the second keeps its level, and
    // a third hold begun meanwhile takes the lowest free one.
    s.event(p, 100, Op::Acquire, Phase::Done, first, 0);
    s.event(p, 110, Op::Acquire, Phase::Done, second, 0);
    s.event(p, 120, Op::Release, Phase::Done, first, 1);
    s.event(p, 130, Op::Acquire, Phase::Done, rlock, 0);
    s.event(p, 140, Op::Release, Phase::Done, second, 1);
    s.event(p, 150, Op::Release, Phase::Done, rlock, 1);

    REQUIRE(s.trace.holdLevels(p) == 2);
    CHECK(spansOf(s.trace, p, 0) == std::vector<Span>{{10, 40, rlock, false},
                                                      {100, 120, first, false},
                                                      {130, 150, rlock, false}});
    CHECK(spansOf(s.trace, p, 1) ==
          std::vector<Span>{{20, 30, rlock, false}, {110, 140, second, false}});
    CHECK(s.trace.holdersAt(rlock, 25) == std::vector<int>{p});
    CHECK(s.trace.holdersAt(second, 125) == std::vector<int>{p});
    CHECK(s.trace.holdersAt(first, 125).empty());
}

TEST_CASE("a process killed while holding holds until its death and the lock stays held",
          "[trace]") {
    TraceScript s;
    const auto lock = s.object("lock", ObjectKind::Lock);
    const auto sem = s.object("sem", ObjectKind::Semaphore, 2);
    const auto [a, b] = s.twoProcesses();
    s.event(a, 10, Op::Acquire, Phase::Done, sem, 1);
    s.event(a, 20, Op::Acquire, Phase::Done, lock, 0);
    s.event(b, 25, Op::Acquire, Phase::Blocked, lock);
    s.trace.setProcessEnd(a, 40, -9); // SIGKILL

    CHECK(spansOf(s.trace, a, 0) == std::vector<Span>{{10, 40, sem, true}});
    CHECK(spansOf(s.trace, a, 1) == std::vector<Span>{{20, 40, lock, true}});
    // Nobody released them: the dead process is still their holder, as the cards say.
    CHECK(s.trace.holdersAt(lock, 100) == std::vector<int>{a});
    CHECK(s.trace.holdersAt(sem, 100) == std::vector<int>{a});
    CHECK(s.trace.diedHolding(a, lock));
    CHECK(s.trace.holdLevels(b) == 0);
}

TEST_CASE("locks still held when mpviz ends a deadlocked run were not held by the dead",
          "[trace]") {
    for (const bool endsKnownFirst : {false, true}) { // a run / a file read back
        TraceScript s;
        const auto left = s.object("left", ObjectKind::Lock);
        const auto right = s.object("right", ObjectKind::Lock);
        const int a = s.process("A", 1, 0);
        const int b = s.process("B", 2, 0);
        s.event(a, 10, Op::Acquire, Phase::Done, left, 0);
        s.event(b, 12, Op::Acquire, Phase::Done, right, 0);
        s.event(a, 20, Op::Acquire, Phase::Blocked, right);
        s.event(b, 22, Op::Acquire, Phase::Blocked, left);
        const DeadlockReport report{
            30, {a, b}, {{a, b, Op::Acquire, right}, {b, a, Op::Acquire, left}}};
        if (!endsKnownFirst) s.trace.setDeadlock(report);
        s.trace.setProcessEnd(a, 35, -9); // the cleanup's SIGKILL
        s.trace.setProcessEnd(b, 35, -9);
        if (endsKnownFirst) s.trace.setDeadlock(report);
        CHECK(spansOf(s.trace, a, 0) == std::vector<Span>{{10, 35, left, false}});
        CHECK(spansOf(s.trace, b, 0) == std::vector<Span>{{12, 35, right, false}});
        CHECK_FALSE(s.trace.diedHolding(a, left));
        CHECK(s.trace.holdersAt(left, 34) == std::vector<int>{a});
        CHECK(s.trace.holdersAt(left, 100) == std::vector<int>{a}); // nobody released it
    }
}

TEST_CASE("an acquire that arrives after its process's end holds until that end", "[trace]") {
    TraceScript s;
    const auto lock = s.object("lock", ObjectKind::Lock);
    const int p = s.process("Late", 7, 0);
    s.trace.setProcessEnd(p, 80, std::nullopt); // the end is seen before the last events
    s.event(p, 10, Op::Acquire, Phase::Done, lock, 0);
    s.event(p, 20, Op::Release, Phase::Done, lock, 1);
    s.event(p, 30, Op::Acquire, Phase::Done, lock, 0);
    CHECK(spansOf(s.trace, p, 0) == std::vector<Span>{{10, 20, lock, false}, {30, 80, lock, true}});
}

TEST_CASE("a semaphore released by a process that holds no permit ends nobody's hold", "[trace]") {
    TraceScript s;
    const auto sem = s.object("sem", ObjectKind::Semaphore, 0);
    const int consumer = s.process("consumer", 1, 0);
    const int producer = s.process("producer", 2, 0);
    s.blocked(consumer, 5, 10, Op::Acquire, sem, 0);
    s.event(producer, 9, Op::Release, Phase::Done, sem, 1);
    CHECK(s.trace.holdLevels(producer) == 0);
    CHECK(spansOf(s.trace, consumer, 0) == std::vector<Span>{{10, Slice::kOpen, sem, false}});
}
