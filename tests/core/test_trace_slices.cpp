// The per-process state timeline the engine builds as events arrive.

#include "test_trace_helpers.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace mpviz::trace;
using mpviz::trace::testing::TraceScript;

namespace {

void requireSortedAndDisjoint(std::span<const Slice> slices) {
    for (std::size_t i = 0; i < slices.size(); ++i) {
        REQUIRE(slices[i].begin < slices[i].end);
        if (i > 0) REQUIRE(slices[i - 1].end <= slices[i].begin);
    }
}

} // namespace

TEST_CASE("a stored event is 32 bytes", "[trace]") {
    STATIC_REQUIRE(sizeof(Event) == 32);
}

TEST_CASE("names match the trace format", "[trace]") {
    CHECK(opName(Op::TaskStart) == "task_start");
    CHECK(opName(Op::QueueJoin) == "queue_join");
    CHECK(opFromName("recv") == Op::Recv);
    CHECK_FALSE(opFromName("acquir").has_value());
    CHECK(objectKindName(ObjectKind::JoinableQueue) == "joinable_queue");
    CHECK(objectKindFromName("semaphore") == ObjectKind::Semaphore);
    CHECK(stateName(State::NotStarted) == "not started");
    CHECK(outcomeName(Outcome::Deadlock) == "deadlock");
    CHECK(outcomeFromName("timeout") == Outcome::Timeout);
    CHECK(phaseName(Phase::Failed) == "failed");
    for (int op = 0; op < static_cast<int>(Op::Count); ++op)
        CHECK(opFromName(opName(static_cast<Op>(op))) == static_cast<Op>(op));
}

TEST_CASE("slices follow blocked, sleeping and running", "[trace]") {
    TraceScript s;
    const auto lock = s.object("lock", ObjectKind::Lock);
    const int main = s.process("MainProcess", 100, 1000, 1);
    const int child = s.process("Process-1", 101, 1100, 100);

    s.event(main, 1050, Op::Start, Phase::Done, kNoObject, 101, "Process-1");
    s.event(child, 1150, Op::Acquire, Phase::Intent, lock);
    s.event(main, 1200, Op::Acquire, Phase::Done, lock, 0);
    s.event(child, 1210, Op::Acquire, Phase::Blocked, lock);
    s.event(main, 1300, Op::Sleep, Phase::Begin, kNoObject, 200);
    s.event(main, 1500, Op::Sleep, Phase::Done, kNoObject, 200);
    s.event(main, 1510, Op::Release, Phase::Done, lock, 1);
    s.event(child, 1520, Op::Acquire, Phase::Done, lock, 0);
    s.event(main, 1600, Op::Join, Phase::Blocked, kNoObject, 101, "Process-1");
    s.event(child, 1700, Op::Exit, Phase::Done, kNoObject, 0);
    s.trace.setProcessEnd(child, 1710, 0);
    s.event(main, 1720, Op::Join, Phase::Done, kNoObject, 101, "Process-1");

    const auto& t = s.trace;
    const auto m = t.slices(main);
    REQUIRE(m.size() == 5);
    CHECK(m[0].state == State::Running);
    CHECK((m[0].begin == 1000 && m[0].end == 1300));
    CHECK(m[1].state == State::Sleeping);
    CHECK((m[1].begin == 1300 && m[1].end == 1500));
    CHECK(m[2].state == State::Running);
    CHECK(m[3].state == State::Blocked);
    CHECK(m[3].op == Op::Join);
    CHECK(m[3].object == kNoObject);
    CHECK(m[3].peer == child);
    CHECK((m[3].begin == 1600 && m[3].end == 1720));
    CHECK(m[4].end == Slice::kOpen);
    requireSortedAndDisjoint(m);

    const auto c = t.slices(child);
    REQUIRE(c.size() == 3);
    CHECK(c[1].state == State::Blocked);
    CHECK(c[1].op == Op::Acquire);
    CHECK(c[1].object == lock);
    CHECK((c[1].begin == 1210 && c[1].end == 1520));
    CHECK(c[2].end == 1710); // closed by the process's end
    requireSortedAndDisjoint(c);

    CHECK(t.stateAt(child, 1099) == State::NotStarted);
    CHECK(t.stateAt(child, 1100) == State::Running);
    CHECK(t.stateAt(child, 1210) == State::Blocked);
    CHECK(t.stateAt(child, 1519) == State::Blocked);
    CHECK(t.stateAt(child, 1520) == State::Running);
    CHECK(t.stateAt(child, 1710) == State::Exited);
    CHECK(t.stateAt(main, 1400) == State::Sleeping);
    CHECK(t.stateAt(main, 1650) == State::Blocked);
    CHECK(t.stateAt(main, 5000) == State::Running);
    CHECK(t.processes()[child].endTs == 1710);
    CHECK(t.processes()[child].exitcode == 0);
    CHECK(t.processes()[child].parent == main);
    CHECK(t.firstTs() == 1000);
    CHECK(t.lastTs() == 1720);
    CHECK(t.processIndexByPid(101) == child);
    CHECK(t.processIndexByPid(7) == -1);
}

TEST_CASE("seq follows arrival and a late-stamped event is kept in process order", "[trace]") {
    TraceScript s;
    const auto [a, b] = s.twoProcesses();
    s.event(a, 50, Op::Print, Phase::Done);
    s.event(b, 10, Op::Print, Phase::Done);
    s.event(a, 40, Op::Print, Phase::Done); // a's clock cannot go back: treated as 50
    const auto events = s.trace.events();
    CHECK(events[0].seq < events[1].seq);
    CHECK(events[1].seq < events[2].seq);
    CHECK(events[2].ts == 50);
}

TEST_CASE("zero-length slices are dropped and running stays one slice", "[trace]") {
    TraceScript s;
    const auto q = s.object("queue", ObjectKind::Queue);
    const int p = s.process("P", 1, 0);
    s.event(p, 10, Op::Get, Phase::Blocked, q);
    s.event(p, 10, Op::Get, Phase::Done, q, 0, "x");
    s.event(p, 20, Op::Put, Phase::Blocked, q);
    s.event(p, 30, Op::Put, Phase::Failed, q); // a timeout also ends the wait
    const auto slices = s.trace.slices(p);
    REQUIRE(slices.size() == 3);
    CHECK(slices[0].state == State::Running);
    CHECK((slices[0].begin == 0 && slices[0].end == 20));
    CHECK(slices[1].state == State::Blocked);
    CHECK(slices[1].op == Op::Put);
    CHECK(slices[2].begin == 30);
    requireSortedAndDisjoint(slices);
}

TEST_CASE("a Done of another op does not end a wait", "[trace]") {
    TraceScript s;
    const auto q = s.object("queue", ObjectKind::Queue);
    const int p = s.process("P", 1, 0);
    s.event(p, 10, Op::Get, Phase::Blocked, q);
    s.event(p, 15, Op::Flush, Phase::Done, q); // the feeder thread, not the blocked call
    CHECK(s.trace.stateAt(p, 20) == State::Blocked);
    s.trace.setProcessEnd(p, 25, -15);
    CHECK(s.trace.stateAt(p, 24) == State::Blocked);
    CHECK(s.trace.stateAt(p, 25) == State::Exited);
    CHECK(s.trace.processes()[p].exitcode == -15);
    CHECK(s.trace.slices(p).back().end == 25);
}

TEST_CASE("range queries return what intersects [t0, t1)", "[trace]") {
    TraceScript s;
    const auto lock = s.object("lock", ObjectKind::Lock);
    const int p = s.process("P", 1, 0);
    for (int i = 0; i < 10; ++i)
        s.blocked(p, i * 100 + 50, i * 100 + 80, Op::Acquire, lock);
    // running [0,50) blocked [50,80) running [80,150) ... blocked [950,980) running [980,∞)
    REQUIRE(s.trace.slices(p).size() == 21);

    const auto in = s.trace.slicesIn(p, 60, 160);
    REQUIRE(in.size() == 3);
    CHECK(in.front().begin == 50);
    CHECK(in.back().begin == 150);
    CHECK(s.trace.slicesIn(p, 50, 50).empty());
    CHECK(s.trace.slicesIn(p, 2000, 3000).size() == 1); // the open slice
    CHECK(s.trace.slicesIn(p, -100, 0).empty());

    const auto events = s.trace.eventsIn(p, 80, 250);
    REQUIRE(events.size() == 3); // 80, 150, 180; 250 is the end, excluded
    CHECK(s.trace.events()[events.front()].ts == 80);
    CHECK(s.trace.events()[events.back()].ts == 180);
    CHECK(s.trace.processEvents(p).size() == 20);

    const Slice* at = s.trace.sliceAt(p, 79);
    REQUIRE(at != nullptr);
    CHECK(at->state == State::Blocked);
    CHECK(s.trace.sliceAt(p, -1) == nullptr);
}

TEST_CASE("appending to an unknown process or object is refused", "[trace]") {
    TraceScript s;
    Event e;
    e.process = 3;
    CHECK_THROWS_AS(s.trace.append(e), std::out_of_range);
    s.process("P", 1, 0);
    e.process = 0;
    e.object = 5;
    CHECK_THROWS_AS(s.trace.append(e), std::out_of_range);
}

TEST_CASE("strings are stored once and survive copies", "[trace]") {
    TraceData trace;
    const auto a = trace.intern("hello");
    CHECK(trace.intern("hello") == a);
    CHECK(trace.intern("") == kNoText);
    CHECK(trace.text(a) == "hello");
    TraceData copy = trace;
    trace = TraceData();
    CHECK(copy.text(a) == "hello");
    CHECK(copy.intern("hello") == a);
    CHECK(copy.text(999).empty());
}

TEST_CASE("memoryBytes grows with the events", "[trace]") {
    TraceScript s;
    const int p = s.process("P", 1, 0);
    const auto before = s.trace.memoryBytes();
    for (int i = 0; i < 1000; ++i)
        s.event(p, i, Op::Print, Phase::Done);
    CHECK(s.trace.memoryBytes() >= before + 1000 * sizeof(Event));
}

TEST_CASE("an event from before the process's recorded start moves the start back", "[trace]") {
    TraceScript s;
    const auto lock = s.object("lock", ObjectKind::Lock);
    const int p = s.process("P", 1, 100); // the engine read the hello at 100
    s.event(p, 60, Op::Acquire, Phase::Blocked, lock);
    s.event(p, 80, Op::Acquire, Phase::Done, lock);
    CHECK(s.trace.processes()[p].startTs == 60);
    CHECK(s.trace.stateAt(p, 59) == State::NotStarted);
    CHECK(s.trace.stateAt(p, 70) == State::Blocked);
    CHECK(s.trace.stateAt(p, 90) == State::Running);
    CHECK(s.trace.firstTs() == 60);
    const auto slices = s.trace.slices(p);
    REQUIRE(slices.size() == 2);
    CHECK((slices[0].begin == 60 && slices[0].end == 80));
}
