// Lost updates on a shared Value: a write that erases a number its writer never saw.

#include "test_trace_helpers.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

using namespace mpviz::trace;
using mpviz::trace::testing::TraceScript;

namespace {

// (writer, value written, erased writer, erased value) of each lost update.
std::vector<std::pair<std::pair<int, std::int64_t>, std::pair<int, std::int64_t>>>
lostOf(const TraceData& t, std::uint16_t v, std::int64_t upTo = INT64_MAX) {
    std::vector<std::pair<std::pair<int, std::int64_t>, std::pair<int, std::int64_t>>> out;
    const auto events = t.events();
    for (const LostUpdate& l : t.lostUpdatesUpTo(v, upTo))
        out.push_back({{events[l.write].process, events[l.write].value},
                       {events[l.erased].process, events[l.erased].value}});
    return out;
}

} // namespace

TEST_CASE("two workers that read the same number and both write lose an update", "[trace]") {
    TraceScript s;
    const auto v = s.object("v", ObjectKind::Value);
    const int main = s.process("MainProcess", 1, 0);
    const int a = s.process("Process-1", 2, 0);
    const int b = s.process("Process-2", 3, 0);
    s.event(main, 1, Op::Write, Phase::Done, v, 0);
    s.event(a, 10, Op::Read, Phase::Done, v, 0);
    s.event(b, 11, Op::Read, Phase::Done, v, 0);
    s.event(a, 12, Op::Write, Phase::Done, v, 1);
    s.event(b, 13, Op::Write, Phase::Done, v, 1); // read 0 before a's write: erases a's 1
    s.event(a, 20, Op::Read, Phase::Done, v, 1);
    s.event(a, 21, Op::Write, Phase::Done, v, 2); // read b's 1 first: no loss

    CHECK(lostOf(s.trace, v) == decltype(lostOf(s.trace, v)){{{b, 1}, {a, 1}}});
    CHECK(lostOf(s.trace, v, 12).empty());
    CHECK(lostOf(s.trace, v, 13).size() == 1);
}

TEST_CASE("taking turns with a lock loses nothing and nor does writing over one's own write",
          "[trace]") {
    TraceScript s;
    const auto v = s.object("v", ObjectKind::Value);
    const int a = s.process("Process-1", 2, 0);
    const int b = s.process("Process-2", 3, 0);
    s.event(a, 10, Op::Read, Phase::Done, v, 0);
    s.event(a, 11, Op::Write, Phase::Done, v, 1);
    s.event(b, 12, Op::Read, Phase::Done, v, 1);
    s.event(b, 13, Op::Write, Phase::Done, v, 2);
    s.event(b, 14, Op::Write, Phase::Done, v, 3); // its own 2: nothing lost
    s.event(a, 15, Op::Write, Phase::Done, v, 9); // it read nothing since 10: erases b's 3
    CHECK(lostOf(s.trace, v) == decltype(lostOf(s.trace, v)){{{a, 9}, {b, 3}}});
    // A process that never read is no read-modify-write: its write loses nothing.
    const int c = s.process("Process-3", 4, 0);
    s.event(c, 16, Op::Write, Phase::Done, v, 5);
    CHECK(lostOf(s.trace, v).size() == 1);
}

TEST_CASE("an access that arrives late still finds the lost update by time", "[trace]") {
    TraceScript s;
    const auto v = s.object("v", ObjectKind::Value);
    const int a = s.process("Process-1", 2, 0);
    const int b = s.process("Process-2", 3, 0);
    // b's events arrive first, a's a flush later, as from two real processes.
    s.event(b, 11, Op::Read, Phase::Done, v, 0);
    s.event(b, 13, Op::Write, Phase::Done, v, 1);
    CHECK(lostOf(s.trace, v).empty());
    s.event(a, 10, Op::Read, Phase::Done, v, 0);
    s.event(a, 12, Op::Write, Phase::Done, v, 1);
    CHECK(lostOf(s.trace, v) == decltype(lostOf(s.trace, v)){{{b, 1}, {a, 1}}});
}

TEST_CASE("an Array loses an update element by element", "[trace]") {
    TraceScript s;
    const auto arr = s.object("arr", ObjectKind::Array, 2);
    const auto [a, b] = s.twoProcesses();
    // Each reads then writes its own element: nobody erases anyone's number.
    s.event(a, 10, Op::Read, Phase::Done, arr, 0, {}, 0);
    s.event(b, 11, Op::Read, Phase::Done, arr, 0, {}, 1);
    s.event(a, 12, Op::Write, Phase::Done, arr, 1, {}, 0);
    s.event(b, 13, Op::Write, Phase::Done, arr, 1, {}, 1);
    CHECK(s.trace.lostUpdates(arr).empty());
    // Both read element 1 (b's 1), both write 2 there: a's increment is gone.
    s.event(a, 20, Op::Read, Phase::Done, arr, 1, {}, 1);
    s.event(b, 21, Op::Read, Phase::Done, arr, 1, {}, 1);
    s.event(a, 22, Op::Write, Phase::Done, arr, 2, {}, 1);
    s.event(b, 23, Op::Write, Phase::Done, arr, 2, {}, 1);
    // b never read element 0: its write there is no read-modify-write of element 0, though
    // it read element 1 before a wrote element 0.
    s.event(b, 24, Op::Write, Phase::Done, arr, 5, {}, 0);
    const auto events = s.trace.events();
    const auto lost = s.trace.lostUpdates(arr);
    REQUIRE(lost.size() == 1);
    CHECK(events[lost[0].write].process == b);
    CHECK(events[lost[0].erased].process == a);
    CHECK(arrayElement(events[lost[0].write]) == 1);
    CHECK(arrayElement(events[lost[0].erased]) == 1);
    CHECK(lostOf(s.trace, arr, 22).empty());
    CHECK(lostOf(s.trace, arr, 23).size() == 1);
}

TEST_CASE("unknown objects and elements outside the Array have no lost updates", "[trace]") {
    TraceScript s;
    const auto arr = s.object("arr", ObjectKind::Array, 2);
    const auto [a, b] = s.twoProcesses();
    s.event(a, 10, Op::Read, Phase::Done, arr, 0, {}, 7);
    s.event(b, 11, Op::Write, Phase::Done, arr, 1, {}, 7);
    s.event(a, 12, Op::Write, Phase::Done, arr, 1, {}, 7);
    CHECK(s.trace.lostUpdates(arr).empty());
    CHECK(s.trace.lostUpdates(999).empty());
}

TEST_CASE("bursts of accesses out of order find the lost updates of time order", "[trace]") {
    // Four unlocked workers doing v.value += 1, each flushing 16 accesses at a time: most
    // arrive behind another worker's newer ones, as from real processes.
    constexpr int kWorkers = 4, kIncrements = 2000, kBurst = 16;
    struct Access {
        int worker;
        std::int64_t ts;
        Op op;
    };
    std::vector<std::vector<Access>> byWorker(kWorkers);
    for (int w = 0; w < kWorkers; ++w)
        for (int i = 0; i < kIncrements; ++i) {
            const std::int64_t ts = 100 + std::int64_t(i) * 100 + (w * 13 + i * 7) % 37;
            byWorker[w].push_back({w, ts, Op::Read});
            byWorker[w].push_back({w, ts + 30, Op::Write});
        }
    std::vector<Access> arrival, inTime;
    for (std::size_t from = 0; from < byWorker[0].size(); from += kBurst)
        for (const auto& accesses : byWorker)
            arrival.insert(arrival.end(), accesses.begin() + from,
                           accesses.begin() + std::min(from + kBurst, accesses.size()));
    inTime = arrival;
    std::stable_sort(inTime.begin(), inTime.end(),
                     [](const Access& x, const Access& y) { return x.ts < y.ts; });

    auto traceOf = [&](const std::vector<Access>& accesses, bool readWhileArriving) {
        auto s = std::make_unique<TraceScript>();
        const auto v = s->object("v", ObjectKind::Value);
        for (int w = 0; w < kWorkers; ++w)
            s->process("Process-" + std::to_string(w + 1), 2 + w, 0);
        for (std::size_t i = 0; i < accesses.size(); ++i) {
            const Access& a = accesses[i];
            s->event(a.worker, a.ts, a.op, Phase::Done, v, 0);
            if (readWhileArriving && i % 500 == 0) (void)s->trace.lostUpdates(v);
        }
        return s;
    };
    const auto expected = traceOf(inTime, false);
    const auto v = std::uint16_t{0};
    const auto lost = lostOf(expected->trace, v);
    REQUIRE(lost.size() > 100); // the interleaving does lose updates
    CHECK(lostOf(traceOf(arrival, false)->trace, v) == lost);
    // A view reading while the run goes on sees the same in the end.
    CHECK(lostOf(traceOf(arrival, true)->trace, v) == lost);
    CHECK(lostOf(traceOf(arrival, true)->trace, v, 100 + 100 * 1000) ==
          lostOf(expected->trace, v, 100 + 100 * 1000));
}
