// Shared objects' state over time: counters, holders, waiters, queue contents.

#include "test_trace_helpers.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace mpviz::trace;
using mpviz::trace::testing::TraceScript;

namespace {

// The texts of what is in a queue or a pipe at `t`, oldest first.
std::vector<std::string> itemsAt(const TraceData& t, std::uint16_t object, std::int64_t at) {
    std::vector<std::string> out;
    for (auto text : t.queueItemsAt(object, at))
        out.emplace_back(t.text(text));
    return out;
}

} // namespace

TEST_CASE("counters sample the object's value in time order", "[trace]") {
    TraceScript s;
    const auto sem = s.object("sem", ObjectKind::Semaphore, 2);
    const auto flag = s.object("event", ObjectKind::Event);
    const auto value = s.object("counter", ObjectKind::Value);
    const auto array = s.object("arr", ObjectKind::Array, 4);
    const auto [a, b] = s.twoProcesses();

    s.event(a, 10, Op::Acquire, Phase::Done, sem, 1);
    s.event(a, 40, Op::Release, Phase::Done, sem, 2);
    s.event(b, 20, Op::Acquire, Phase::Done, sem, 0); // B's batch arrives late
    s.event(b, 30, Op::Acquire, Phase::Failed, sem, 0);
    s.event(a, 50, Op::Set, Phase::Done, flag, 7);
    s.event(a, 60, Op::Clear, Phase::Done, flag);
    s.event(a, 70, Op::Write, Phase::Done, value, 42);
    s.event(a, 80, Op::Read, Phase::Done, value, 42);
    s.event(a, 90, Op::Write, Phase::Done, array, 5, {}, 2);
    s.event(a, 95, Op::Acquire, Phase::Intent, sem, 0);

    const auto samples = s.trace.counter(sem);
    REQUIRE(samples.size() == 3);
    CHECK((samples[0].ts == 10 && samples[0].value == 1));
    CHECK((samples[1].ts == 20 && samples[1].value == 0));
    CHECK((samples[2].ts == 40 && samples[2].value == 2));

    CHECK_FALSE(s.trace.valueAt(sem, 9).has_value());
    CHECK(s.trace.valueAt(sem, 10) == 1);
    CHECK(s.trace.valueAt(sem, 25) == 0);
    CHECK(s.trace.valueAt(sem, 1000) == 2);
    CHECK(s.trace.valueAt(flag, 55) == 1);
    CHECK(s.trace.valueAt(flag, 65) == 0);
    CHECK(s.trace.counter(value).size() == 2);
    CHECK(s.trace.valueAt(value, 75) == 42);
    CHECK(s.trace.counter(array).empty());
    CHECK(s.trace.counter(999).empty());
}

TEST_CASE("holders and waiters of a lock at a given time", "[trace]") {
    TraceScript s;
    const auto lock = s.object("lock", ObjectKind::Lock);
    const auto [a, b] = s.twoProcesses();
    const int c = s.process("C", 3, 0);

    s.event(a, 10, Op::Acquire, Phase::Done, lock, 0);
    s.event(b, 15, Op::Acquire, Phase::Blocked, lock);
    s.event(c, 18, Op::Acquire, Phase::Blocked, lock);
    s.event(a, 30, Op::Release, Phase::Done, lock, 1);
    s.event(b, 31, Op::Acquire, Phase::Done, lock, 0);
    s.event(b, 50, Op::Release, Phase::Done, lock, 1);
    s.event(c, 51, Op::Acquire, Phase::Done, lock, 0);

    CHECK(s.trace.holdersAt(lock, 5).empty());
    CHECK(s.trace.holdersAt(lock, 20) == std::vector<int>{a});
    CHECK(s.trace.holdersAt(lock, 30).empty());
    CHECK(s.trace.holdersAt(lock, 40) == std::vector<int>{b});
    CHECK(s.trace.holdersAt(lock, 60) == std::vector<int>{c});

    CHECK(s.trace.waitersAt(lock, 12).empty());
    CHECK(s.trace.waitersAt(lock, 16) == std::vector<int>{b});
    CHECK(s.trace.waitersAt(lock, 20) == std::vector<int>{b, c});
    CHECK(s.trace.waitersAt(lock, 40) == std::vector<int>{c});
    CHECK(s.trace.waitersAt(lock, 60).empty());
}

TEST_CASE("a semaphore can have several holders", "[trace]") {
    TraceScript s;
    const auto sem = s.object("sem", ObjectKind::Semaphore, 2);
    const auto [a, b] = s.twoProcesses();
    s.event(a, 10, Op::Acquire, Phase::Done, sem, 1);
    s.event(b, 11, Op::Acquire, Phase::Done, sem, 0);
    s.event(a, 20, Op::Release, Phase::Done, sem, 1);
    CHECK(s.trace.holdersAt(sem, 15) == std::vector<int>{a, b});
    CHECK(s.trace.holdersAt(sem, 25) == std::vector<int>{b});
}

TEST_CASE("queue items at a given time, oldest first", "[trace]") {
    TraceScript s;
    const auto q = s.object("queue", ObjectKind::Queue);
    const int producer = s.process("producer", 1, 0);
    const int consumer = s.process("consumer", 2, 0);

    s.event(producer, 10, Op::Put, Phase::Done, q, 1, "a");
    s.event(producer, 20, Op::Put, Phase::Done, q, 2, "b");
    s.event(producer, 40, Op::Put, Phase::Done, q, 2, "c");
    s.event(consumer, 30, Op::Get, Phase::Done, q, 1, "a"); // arrives after the producer's
    s.event(consumer, 50, Op::Get, Phase::Done, q, 1, "b");

    const auto items = [&](std::int64_t t) { return itemsAt(s.trace, q, t); };
    CHECK(items(5).empty());
    CHECK(items(10) == std::vector<std::string>{"a"});
    CHECK(items(25) == std::vector<std::string>{"a", "b"});
    CHECK(items(35) == std::vector<std::string>{"b"});
    CHECK(items(45) == std::vector<std::string>{"b", "c"});
    CHECK(items(60) == std::vector<std::string>{"c"});
    CHECK(s.trace.valueAt(q, 35) == 1);
}

TEST_CASE("items in a pipe, both directions", "[trace]") {
    TraceScript s;
    const auto [pipe, a, b] = s.pipeCast();
    s.event(a, 10, Op::Send, Phase::Done, pipe, 8, "ping", 0);
    s.event(b, 12, Op::Send, Phase::Done, pipe, 16, "pong", 1);
    s.event(b, 20, Op::Recv, Phase::Done, pipe, 8, "ping", 1);
    CHECK(itemsAt(s.trace, pipe, 15) == std::vector<std::string>{"ping", "pong"});
    CHECK(itemsAt(s.trace, pipe, 25) == std::vector<std::string>{"pong"});
}

TEST_CASE("objects are found by name", "[trace]") {
    TraceData trace;
    const auto lock = trace.findOrAddObject("lock", ObjectKind::Lock, 0);
    CHECK(trace.findOrAddObject("lock", ObjectKind::Lock, 0) == lock);
    CHECK(trace.objectByName("lock") == lock);
    CHECK_FALSE(trace.objectByName("queue").has_value());
    CHECK(trace.objects().size() == 1);
}
