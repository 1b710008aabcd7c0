// Processes are shown in the order their parent created them, not the order they reached
// the engine.

#include "test_trace_helpers.hpp"
#include "trace/process_order.hpp"

#include <catch2/catch.hpp>

using namespace mpviz::trace;
using mpviz::trace::testing::TraceScript;

TEST_CASE("creation order: siblings by pid whatever order they connected in, children under "
          "their parent",
          "[trace][order]") {
    TraceScript s;
    const int main = s.process("MainProcess", 100, 0, 1);
    // Process-2 connected first; Process-1 (started first, lower pid) slept before it did.
    ProcessInfo second{102, 100, main, "Process-2", false, 10, {}, {}};
    ProcessInfo first{101, 100, main, "Process-1", false, 20, {}, {}};
    const int p2 = s.trace.addProcess(second);
    const int p1 = s.trace.addProcess(first);
    ProcessInfo grandchild{103, 102, p2, "Process-2:1", false, 30, {}, {}};
    const int g = s.trace.addProcess(grandchild);

    const auto order = creationOrder(s.trace);
    REQUIRE(order.size() == 4);
    CHECK(order[0].process == main);
    CHECK(order[0].depth == 0);
    CHECK(order[1].process == p1);
    CHECK(order[1].depth == 1);
    CHECK(order[2].process == p2);
    CHECK(order[3].process == g);
    CHECK(order[3].depth == 2);
}
