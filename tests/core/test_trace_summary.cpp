// Level of detail: one summary per pixel column, whatever the number of events.

#include "test_trace_helpers.hpp"

#include <catch2/catch.hpp>

using namespace mpviz::trace;
using mpviz::trace::testing::TraceScript;

TEST_CASE("summarize gives one entry per column with the dominant state", "[trace][lod]") {
    TraceScript s;
    const auto lock = s.object("lock", ObjectKind::Lock);
    const int p = s.process("P", 1, 100);
    // [100,130) running, [130,200) blocked, [200,210) running, [210,400) sleeping, then
    // running until the end at 500.
    s.blocked(p, 130, 200, Op::Acquire, lock);
    s.event(p, 210, Op::Sleep, Phase::Begin, kNoObject, 190);
    s.event(p, 400, Op::Sleep, Phase::Done, kNoObject, 190);
    s.trace.setProcessEnd(p, 500, 0);

    const auto columns = s.trace.summarize(p, 0, 600, 6); // 100 ns per column
    REQUIRE(columns.size() == 6);
    CHECK(columns[0].dominant == State::NotStarted);
    CHECK_FALSE(columns[0].mixed);
    CHECK(columns[1].dominant == State::Blocked); // 70 blocked vs 30 running
    CHECK(columns[1].mixed);
    CHECK(columns[1].events == 1);
    CHECK(columns[2].dominant == State::Sleeping); // 90 sleeping vs 10 running
    CHECK(columns[2].events == 2);                 // done at 200, sleep begin at 210
    CHECK(columns[3].dominant == State::Sleeping);
    CHECK_FALSE(columns[3].mixed);
    CHECK(columns[3].events == 0);
    CHECK(columns[4].dominant == State::Running);
    CHECK(columns[4].events == 1);
    CHECK(columns[5].dominant == State::Exited);
}

TEST_CASE("summarize never returns more entries than columns", "[trace][lod]") {
    TraceScript s;
    const auto q = s.object("queue", ObjectKind::Queue);
    const int p = s.process("P", 1, 0);
    for (int i = 0; i < 10000; ++i)
        s.blocked(p, i * 10 + 2, i * 10 + 5, Op::Get, q, 0, "x");

    const auto columns = s.trace.summarize(p, 0, 100000, 37);
    REQUIRE(columns.size() == 37);
    std::uint64_t events = 0;
    for (const auto& c : columns) {
        events += c.events;
        CHECK(c.mixed);
        CHECK(c.dominant == State::Running); // 3 of every 10 ns blocked
    }
    CHECK(events == 20000);

    CHECK(s.trace.summarize(p, 0, 100000, 0).empty());
    CHECK(s.trace.summarize(p, 0, 100000, -5).empty());
    CHECK(s.trace.summarize(7, 0, 100, 3).size() == 3);
    // More columns than nanoseconds: some columns are empty, none are invented.
    const auto fine = s.trace.summarize(p, 0, 10, 40);
    REQUIRE(fine.size() == 40);
    std::uint64_t fineEvents = 0;
    for (const auto& c : fine)
        fineEvents += c.events;
    CHECK(fineEvents == 2);
    CHECK(fine.back().dominant == State::Running);
}

TEST_CASE("ties go to the state worth pointing at", "[trace][lod]") {
    TraceScript s;
    const auto lock = s.object("lock", ObjectKind::Lock);
    const int p = s.process("P", 1, 0);
    s.blocked(p, 50, 100, Op::Acquire, lock);
    const auto columns = s.trace.summarize(p, 0, 100, 1);
    REQUIRE(columns.size() == 1);
    CHECK(columns[0].dominant == State::Blocked);
    CHECK(columns[0].mixed);
}
