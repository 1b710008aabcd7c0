// Arrows between events: items through queues and pipes, wakes, starts and exits.

#include "test_trace_helpers.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <tuple>

using namespace mpviz::trace;
using mpviz::trace::testing::TraceScript;

namespace {

using Arrow = std::tuple<std::int64_t, std::int64_t, Message::Kind>; // from ts, to ts, kind

std::multiset<Arrow> arrows(const TraceData& t, Message::Kind kind) {
    std::multiset<Arrow> out;
    for (const Message& m : t.messages())
        if (m.kind == kind) out.emplace(t.events()[m.from].ts, t.events()[m.to].ts, kind);
    return out;
}

} // namespace

TEST_CASE("item arrows pair puts and gets first in, first out", "[trace][messages]") {
    TraceScript s;
    const auto [q, p1, p2, c] = s.queueCast();

    s.event(p1, 10, Op::Put, Phase::Done, q, 1, "a");
    s.event(p1, 30, Op::Put, Phase::Done, q, 2, "c");
    s.event(c, 40, Op::Get, Phase::Done, q, 2, "a");
    CHECK(arrows(s.trace, Message::Kind::Item) ==
          std::multiset<Arrow>{{10, 40, Message::Kind::Item}});

    // P2's batch comes in late: its put was the second one, so the second get took it.
    s.event(p2, 20, Op::Put, Phase::Done, q, 2, "b");
    s.event(c, 50, Op::Get, Phase::Done, q, 1, "b");
    s.event(c, 60, Op::Get, Phase::Done, q, 0, "c");
    s.event(p1, 70, Op::Put, Phase::Done, q, 1, "d"); // never taken: no arrow
    CHECK(arrows(s.trace, Message::Kind::Item) ==
          std::multiset<Arrow>{{10, 40, Message::Kind::Item},
                               {20, 50, Message::Kind::Item},
                               {30, 60, Message::Kind::Item}});
    for (const Message& m : s.trace.messages())
        CHECK(s.trace.events()[m.from].text == s.trace.events()[m.to].text);
}

TEST_CASE("a late put rewrites the arrows it shifts", "[trace][messages]") {
    TraceScript s;
    const auto [q, p1, p2, c] = s.queueCast();
    s.event(p1, 30, Op::Put, Phase::Done, q, 1, "late");
    s.event(c, 40, Op::Get, Phase::Done, q, 0, "early");
    s.event(c, 50, Op::Get, Phase::Done, q, 0, "late");
    CHECK(s.trace.messages().size() == 1);
    s.event(p2, 10, Op::Put, Phase::Done, q, 1, "early");
    REQUIRE(s.trace.messages().size() == 2);
    CHECK(arrows(s.trace, Message::Kind::Item) ==
          std::multiset<Arrow>{{10, 40, Message::Kind::Item}, {30, 50, Message::Kind::Item}});
}

TEST_CASE("pipe arrows go one way per end", "[trace][messages]") {
    TraceScript s;
    const auto [pipe, a, b] = s.pipeCast();
    s.event(a, 10, Op::Send, Phase::Done, pipe, 5, "hello", 0);
    s.event(a, 11, Op::Send, Phase::Done, pipe, 10, "again", 0);
    s.event(b, 12, Op::Send, Phase::Done, pipe, 15, "reply", 1);
    s.event(a, 20, Op::Recv, Phase::Done, pipe, 10, "reply", 0);
    s.event(b, 30, Op::Recv, Phase::Done, pipe, 5, "hello", 1);
    s.event(b, 31, Op::Recv, Phase::Done, pipe, 0, "again", 1);
    CHECK(arrows(s.trace, Message::Kind::Item) ==
          std::multiset<Arrow>{{10, 30, Message::Kind::Item},
                               {11, 31, Message::Kind::Item},
                               {12, 20, Message::Kind::Item}});
}

TEST_CASE("a set wakes the waits that were blocked on it", "[trace][messages]") {
    TraceScript s;
    const auto flag = s.object("event", ObjectKind::Event);
    const int setter = s.process("setter", 1, 0);
    const int w1 = s.process("w1", 2, 0);
    const int w2 = s.process("w2", 3, 0);
    const int late = s.process("late", 4, 0);
    const int timed = s.process("timed", 5, 0);

    s.event(w1, 10, Op::Wait, Phase::Blocked, flag);
    s.event(w2, 12, Op::Wait, Phase::Blocked, flag);
    s.event(timed, 13, Op::Wait, Phase::Blocked, flag, 0, {}, 1);
    s.event(timed, 15, Op::Wait, Phase::Done, flag, 0); // timed out before the set
    s.event(w1, 21, Op::Wait, Phase::Done, flag, 1);
    s.event(w2, 22, Op::Wait, Phase::Done, flag, 1);
    s.event(late, 30, Op::Wait, Phase::Done, flag, 1); // the flag was already set: no wait
    // The setter's batch arrives after the waiters': the arrows appear now.
    CHECK(arrows(s.trace, Message::Kind::Wake).empty());
    s.event(setter, 20, Op::Set, Phase::Done, flag, 1);
    CHECK(arrows(s.trace, Message::Kind::Wake) ==
          std::multiset<Arrow>{{20, 21, Message::Kind::Wake}, {20, 22, Message::Kind::Wake}});

    // A second round: clear, block, set again.
    s.event(setter, 40, Op::Clear, Phase::Done, flag);
    s.event(w1, 50, Op::Wait, Phase::Blocked, flag);
    s.event(setter, 60, Op::Set, Phase::Done, flag, 1);
    s.event(w1, 61, Op::Wait, Phase::Done, flag, 1);
    CHECK(arrows(s.trace, Message::Kind::Wake).count({60, 61, Message::Kind::Wake}) == 1);
    CHECK(arrows(s.trace, Message::Kind::Wake).size() == 3);
}

TEST_CASE("start and exit arrows link parent and child", "[trace][messages]") {
    TraceScript s;
    const int main = s.process("MainProcess", 100, 0, 1);
    s.event(main, 10, Op::Start, Phase::Done, kNoObject, 101, "Process-1");
    s.event(main, 11, Op::Start, Phase::Done, kNoObject, 102, "Process-2");
    s.event(main, 20, Op::Join, Phase::Blocked, kNoObject, 101, "Process-1");
    CHECK(s.trace.messages().empty()); // the children have not connected yet

    const int child = s.process("Process-1", 101, 12, 100);
    s.process("Process-2", 102, 13, 100); // never does anything: no arrow
    s.event(child, 15, Op::Print, Phase::Done, kNoObject, 0, "hi");
    s.event(child, 30, Op::Exit, Phase::Done, kNoObject, 0);
    s.trace.setProcessEnd(child, 31, 0);
    s.event(main, 32, Op::Join, Phase::Done, kNoObject, 101, "Process-1", 0);

    CHECK(arrows(s.trace, Message::Kind::Start) ==
          std::multiset<Arrow>{{10, 15, Message::Kind::Start}});
    CHECK(arrows(s.trace, Message::Kind::Exit) ==
          std::multiset<Arrow>{{30, 32, Message::Kind::Exit}});
    CHECK(s.trace.messages().size() == 2);
}

TEST_CASE("arrows survive a copy of the trace", "[trace][messages]") {
    TraceScript s;
    const auto q = s.object("queue", ObjectKind::Queue);
    const int p = s.process("P", 1, 0);
    s.event(p, 1, Op::Put, Phase::Done, q, 1, "x");
    s.event(p, 2, Op::Get, Phase::Done, q, 0, "x");
    REQUIRE(s.trace.messages().size() == 1);
    TraceData copy = s.trace;
    s.event(p, 3, Op::Put, Phase::Done, q, 1, "y");
    s.event(p, 4, Op::Get, Phase::Done, q, 0, "y");
    CHECK(copy.messages().size() == 1);
    CHECK(s.trace.messages().size() == 2);
}
