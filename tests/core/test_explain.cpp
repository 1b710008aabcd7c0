// The plain words the caption and the command line use for a deadlock.
#include "engine/explain.hpp"

#include <catch2/catch.hpp>

using namespace mpviz;
using trace::Op;
using trace::Phase;

TEST_CASE("explain: deadlock-on-join in plain words", "[explain]") {
    trace::TraceData t;
    trace::ProcessInfo mainInfo;
    mainInfo.pid = 100;
    mainInfo.name = "MainProcess";
    mainInfo.startTs = 0;
    const int main = t.addProcess(mainInfo);
    trace::ProcessInfo childInfo;
    childInfo.pid = 101;
    childInfo.ppid = 100;
    childInfo.parent = main;
    childInfo.name = "Process-1";
    childInfo.startTs = 10;
    const int child = t.addProcess(childInfo);
    const auto queue = t.addObject({"queue", trace::ObjectKind::Queue, 0});

    trace::Event join;
    join.ts = 20;
    join.process = static_cast<std::uint16_t>(main);
    join.op = Op::Join;
    join.phase = Phase::Blocked;
    join.value = 101;
    t.append(join);
    trace::Event flush;
    flush.ts = 30;
    flush.process = static_cast<std::uint16_t>(child);
    flush.object = queue;
    flush.op = Op::Flush;
    flush.phase = Phase::Blocked;
    flush.value = 1'000'000;
    t.append(flush);

    CHECK(engine::explainDeadlock(t).empty());
    t.setDeadlock({40,
                   {main, child},
                   {{main, child, Op::Join, trace::kNoObject}, {child, main, Op::Flush, queue}}});
    CHECK(engine::explainDeadlock(t) ==
          "MainProcess waits in join for Process-1; Process-1 cannot exit until its 1,000,000 "
          "queued bytes are read, and only MainProcess would read them.");
    CHECK(engine::explainBlocked(t, main, 25) ==
          "MainProcess is blocked: it waits for Process-1 to end");
    CHECK(engine::explainBlocked(t, child, 20).empty()); // still running then
}
