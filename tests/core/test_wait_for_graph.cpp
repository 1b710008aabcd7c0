// The wait-for graph the engine builds when every live process is blocked.
#include "engine/wait_for_graph.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace mpviz;
using engine::BlockedOn;
using engine::LiveProcess;
using trace::Op;

TEST_CASE("deadlock-on-join: join → child, flush → the other holder of the queue", "[deadlock]") {
    const std::uint16_t queue = 0;
    std::vector<LiveProcess> live{
        {0, 100, BlockedOn{Op::Join, trace::kNoObject, 101, false}, false, {queue}},
        {1, 101, BlockedOn{Op::Flush, queue, 0, false}, false, {queue}},
    };
    const auto edges = engine::waitForEdges(live, {}, {{100, 0}, {101, 1}});
    REQUIRE(edges.size() == 2);
    CHECK(edges[0].from == 0);
    CHECK(edges[0].to == 1);
    CHECK(edges[0].op == Op::Join);
    CHECK(edges[1].from == 1);
    CHECK(edges[1].to == 0);
    CHECK(edges[1].op == Op::Flush);
    auto cycle = engine::findCycle(edges);
    std::sort(cycle.begin(), cycle.end());
    CHECK(cycle == std::vector<int>{0, 1});
}

TEST_CASE("a get while the other process flushes into that queue is a transfer, not a deadlock",
          "[deadlock]") {
    // deadlock-on-join fixed: main gets the big item while the child's feeder still writes it.
    const std::uint16_t queue = 0, other = 1;
    std::vector<LiveProcess> live{
        {0, 100, BlockedOn{Op::Get, queue, 0, false}, false, {queue}},
        {1, 101, BlockedOn{Op::Flush, queue, 0, false}, false, {queue}},
    };
    CHECK(engine::transferUnderway(live));
    // Joining instead of getting (the lesson's bug) is stuck for good, as is a get on
    // another queue.
    live[0].blocked = BlockedOn{Op::Join, trace::kNoObject, 101, false};
    CHECK_FALSE(engine::transferUnderway(live));
    live[0].blocked = BlockedOn{Op::Get, other, 0, false};
    CHECK_FALSE(engine::transferUnderway(live));
}

TEST_CASE("lock order: acquire waits for the holder, giving a two-process cycle", "[deadlock]") {
    const std::uint16_t a = 0, b = 1;
    std::vector<LiveProcess> live{
        {0, 10, BlockedOn{Op::Join, trace::kNoObject, 11, false}, false, {a, b}},
        {1, 11, BlockedOn{Op::Acquire, b, 0, false}, false, {a, b}},
        {2, 12, BlockedOn{Op::Acquire, a, 0, false}, false, {a, b}},
    };
    const std::map<std::uint16_t, std::map<int, int>> holders{{a, {{1, 1}}}, {b, {{2, 1}}}};
    const auto edges = engine::waitForEdges(live, holders, {{10, 0}, {11, 1}, {12, 2}});
    auto cycle = engine::findCycle(edges);
    std::sort(cycle.begin(), cycle.end());
    CHECK(cycle == std::vector<int>{1, 2});
}

TEST_CASE("a released lock has no holder: no edge, no cycle", "[deadlock]") {
    const std::uint16_t lock = 0;
    std::vector<LiveProcess> live{
        {0, 10, BlockedOn{Op::Acquire, lock, 0, false}, false, {lock}},
        {1, 11, BlockedOn{Op::Join, trace::kNoObject, 10, false}, false, {lock}},
    };
    const std::map<std::uint16_t, std::map<int, int>> holders{{lock, {{1, 0}}}};
    const auto edges = engine::waitForEdges(live, holders, {{10, 0}, {11, 1}});
    CHECK(engine::findCycle(edges).empty());
}
