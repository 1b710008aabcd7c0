// Logical time: one column per recorded instant, nothing lost, nothing reordered; and the
// schedulers hear of grants they did not choose, so a replay hands over seamlessly.

#include "engine/scheduler.hpp"
#include "test_trace_helpers.hpp"
#include "trace/logical_time.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace mpviz::trace;
using mpviz::trace::testing::TraceScript;

namespace {
constexpr std::int64_t kStep = LogicalClock::kStepNs;
constexpr std::int64_t kMs = 1'000'000;
} // namespace

TEST_CASE("logical time: every instant becomes one step, in order", "[trace][logical]") {
    TraceScript s;
    const int main = s.process("MainProcess", 100, 1000 * kMs);
    const auto lock = s.object("lock", ObjectKind::Lock);
    s.event(main, 1000 * kMs, Op::Start, Phase::Done, kNoObject, 101, "Process-1");
    const int child = s.process("Process-1", 101, 1002 * kMs, 100);
    s.event(child, 1003 * kMs, Op::Acquire, Phase::Done, lock);
    // A long think in step mode: 40 s of wall time between two operations.
    s.blocked(main, 1004 * kMs, 41'000 * kMs, Op::Acquire, lock);
    s.event(child, 41'000 * kMs - 1, Op::Release, Phase::Done, lock, 1);
    s.trace.setProcessEnd(child, 41'500 * kMs, 0);

    const LogicalClock clock(s.trace);
    // 1000, 1002, 1003, 1004, 41000-ε, 41000, 41500 ms: seven instants.
    CHECK(clock.steps() == 7);
    CHECK(clock.toLogical(1000 * kMs) == 1000 * kMs);
    CHECK(clock.toLogical(1004 * kMs) == 1000 * kMs + 3 * kStep);
    CHECK(clock.toLogical(41'000 * kMs) == 1000 * kMs + 5 * kStep);
    // Between two instants: part way through the step, monotone.
    const auto mid = clock.toLogical(1001 * kMs);
    CHECK(mid > 1000 * kMs);
    CHECK(mid < 1000 * kMs + kStep);
    // After the last instant time approaches one more step and never reaches it.
    CHECK(clock.toLogical(41'500 * kMs + 100'000 * kMs) < 1000 * kMs + 7 * kStep);
    CHECK(clock.toLogical(41'500 * kMs + 100'000 * kMs) > 1000 * kMs + 6 * kStep);

    const TraceData logical = toLogicalTime(s.trace, clock);
    CHECK(logical.logicalClock);
    REQUIRE(logical.events().size() == s.trace.events().size());
    for (std::size_t i = 0; i < logical.events().size(); ++i) {
        const auto& a = s.trace.events()[i];
        const auto& b = logical.events()[i];
        CHECK(b.op == a.op);
        CHECK(b.phase == a.phase);
        CHECK(b.process == a.process);
        CHECK(logical.text(b.text) == s.trace.text(a.text));
        CHECK(b.ts == clock.toLogical(a.ts));
    }
    // The 40-second wait is now two steps long, as long as what happened during it.
    const auto blockedSlices = logical.slices(main);
    const auto blocked = std::find_if(blockedSlices.begin(), blockedSlices.end(),
                                      [](const Slice& sl) { return sl.state == State::Blocked; });
    REQUIRE(blocked != blockedSlices.end());
    CHECK(blocked->end - blocked->begin == 2 * kStep);
    REQUIRE(logical.processes()[1].endTs);
    CHECK(*logical.processes()[1].endTs == 1000 * kMs + 6 * kStep);
    CHECK(logical.processes()[1].exitcode == 0);
}

TEST_CASE("schedulers count grants they did not choose", "[engine][step]") {
    using mpviz::engine::PendingIntent;
    using mpviz::engine::Scheduler;
    std::string error;
    auto rr = Scheduler::parse("round-robin", error);
    REQUIRE(rr);
    std::vector<PendingIntent> both(2);
    both[0].process = 0;
    both[0].name = "A";
    both[0].order = 1;
    both[1].process = 1;
    both[1].name = "B";
    both[1].order = 2;
    const std::vector<int> creation{0, 1};
    // A person granted A by hand: round-robin's next turn is B's.
    rr->observe(0);
    CHECK(rr->choose(both, creation) == 1);

    // A seeded random scheduler told of one grant chooses as if it had drawn it itself.
    auto drew = Scheduler::parse("random:7", error);
    auto told = Scheduler::parse("random:7", error);
    REQUIRE(drew);
    REQUIRE(told);
    drew->choose(both, creation);
    told->observe(0);
    for (int i = 0; i < 10; ++i)
        CHECK(drew->choose(both, creation) == told->choose(both, creation));
}
