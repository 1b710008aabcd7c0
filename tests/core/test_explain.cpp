// The plain words the caption and the command line use for a deadlock.
#include "engine/explain.hpp"

#include <catch2/catch.hpp>

using namespace mpviz;
using trace::Op;
using trace::Phase;

namespace {
// MainProcess (pid 100) and its child Process-1 (pid 101, from ts 10).
std::pair<int, int> mainAndChild(trace::TraceData& t) {
    trace::ProcessInfo mainInfo;
    mainInfo.pid = 100;
    mainInfo.name = "MainProcess";
    const int main = t.addProcess(mainInfo);
    trace::ProcessInfo childInfo;
    childInfo.pid = 101;
    childInfo.ppid = 100;
    childInfo.parent = main;
    childInfo.name = "Process-1";
    childInfo.startTs = 10;
    return {main, t.addProcess(childInfo)};
}
} // namespace

TEST_CASE("explain: deadlock-on-join in plain words", "[explain]") {
    trace::TraceData t;
    const auto [main, child] = mainAndChild(t);
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

TEST_CASE("explain: a pipe's waits name the end each process waits at", "[explain]") {
    trace::TraceData t;
    const auto [main, child] = mainAndChild(t);
    const auto pipe = t.addObject({"mine, theirs", trace::ObjectKind::Pipe, 0});
    const auto recvAt = [&](int process, std::int64_t ts, std::int16_t end) {
        trace::Event e;
        e.ts = ts;
        e.process = static_cast<std::uint16_t>(process);
        e.object = pipe;
        e.op = Op::Recv;
        e.phase = Phase::Blocked;
        e.extra = end;
        t.append(e);
    };
    recvAt(child, 20, 1);
    recvAt(main, 30, 0);
    t.setDeadlock(
        {40, {main, child}, {{main, child, Op::Recv, pipe}, {child, main, Op::Recv, pipe}}});
    CHECK(engine::explainDeadlock(t) ==
          "MainProcess waits for a message on mine, and only Process-1 could send one; "
          "Process-1 waits for a message on theirs, and only MainProcess could send one.");
    CHECK(engine::explainBlocked(t, child, 25) ==
          "Process-1 is blocked: nothing has been sent on theirs yet");
}
