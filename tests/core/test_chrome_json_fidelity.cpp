// Export → import keeps everything the model and the views use: object kinds (a semaphore
// stays a semaphore), a join's child, what a blocked call reported (queue length, bytes a
// feeder could not write, a timeout), sleeps, arrows, exit codes, the deadlock.

#include "engine/explain.hpp"
#include "test_trace_compare.hpp"
#include "test_trace_helpers.hpp"
#include "trace/chrome_json.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace mpviz::trace;
using namespace mpviz::trace::testing;
namespace json = boost::json;

namespace {

constexpr std::int64_t kT0 = 1'000'000'000;

struct Fidelity {
    TraceScript s;
    std::uint16_t sem = 0, queue = 0, big = 0;
    int main = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0;
};

// What the engine records of a run with a semaphore, a bounded queue and joins: main starts
// four children; two share a semaphore of two permits while main times out waiting for one;
// a put blocks on the full queue; a daemonic child is terminated while blocked in get; one
// child dies before it connects (the engine adds it at the end, after main began joining
// it); the last one cannot exit until its feeder has written a large item nobody reads.
Fidelity fidelityTrace() {
    Fidelity f;
    auto& s = f.s;
    auto& t = s.trace;
    const auto at = [](std::int64_t us) { return kT0 + us * 1000; };
    f.sem = s.object("sem", ObjectKind::Semaphore, 2);
    f.queue = s.object("queue", ObjectKind::Queue, 3);
    f.big = s.object("big", ObjectKind::JoinableQueue);

    f.main = s.process("MainProcess", 500, kT0, 99);
    s.event(f.main, at(100), Op::Start, Phase::Done, kNoObject, 501, "Process-1");
    f.p1 = s.process("Process-1", 501, at(150), 500);
    s.event(f.main, at(200), Op::Start, Phase::Done, kNoObject, 502, "Process-2");
    s.event(f.main, at(250), Op::Start, Phase::Done, kNoObject, 503, "Process-3");
    f.p2 = s.process("Process-2", 502, at(260), 500, {.daemon = true});

    // Process-2's first act is a wait: the start arrow must still end there after import.
    s.blocked(f.p2, at(270), at(310), Op::Acquire, f.sem, 0);
    s.event(f.p1, at(300), Op::Acquire, Phase::Done, f.sem, 1);
    s.event(f.main, at(320), Op::Acquire, Phase::Blocked, f.sem, 0, {}, 1); // timeout=…
    s.event(f.p1, at(330), Op::Print, Phase::Done, kNoObject, 0, "hello from Process-1");
    s.event(f.p1, at(400), Op::Put, Phase::Done, f.queue, 1, "'a'");
    s.event(f.p1, at(410), Op::Put, Phase::Done, f.queue, 2, "'b'");
    s.event(f.p1, at(420), Op::Put, Phase::Done, f.queue, 3, "[1, 2]");
    s.event(f.p1, at(430), Op::Put, Phase::Blocked, f.queue, 3); // full: 3 of 3
    s.event(f.p2, at(450), Op::Sleep, Phase::Begin, kNoObject, 100'000);
    s.event(f.p2, at(550), Op::Sleep, Phase::Done, kNoObject, 100'000);
    s.event(f.p2, at(590), Op::Get, Phase::Done, f.queue, 2, "'a'");
    s.event(f.p1, at(600), Op::Put, Phase::Done, f.queue, 3, "'d'");
    s.event(f.p2, at(700), Op::Release, Phase::Done, f.sem, 1);
    s.event(f.p1, at(710), Op::Release, Phase::Done, f.sem, 2);
    s.event(f.p1, at(720), Op::Exit, Phase::Done, kNoObject, 0);
    t.setProcessEnd(f.p1, at(730), 0);
    s.event(f.main, at(900), Op::Acquire, Phase::Failed, f.sem, 2);

    s.blocked(f.main, at(950), at(1000), Op::Join, kNoObject, 501, "Process-1");
    s.event(f.p2, at(1050), Op::Get, Phase::Blocked, f.queue, 0);
    s.event(f.main, at(1100), Op::Terminate, Phase::Done, kNoObject, 502, "Process-2");
    s.event(f.main, at(1120), Op::Join, Phase::Blocked, kNoObject, 502, "Process-2");
    t.setProcessEnd(f.p2, at(1150), -15);
    s.event(f.main, at(1160), Op::Join, Phase::Done, kNoObject, 502, "Process-2", -15);

    // Process-3 never said hello: main joins it before the engine knows it.
    s.event(f.main, at(1200), Op::Join, Phase::Blocked, kNoObject, 503, "Process-3");
    f.p3 = s.process("Process-3", 503, at(250), 500);
    t.setProcessEnd(f.p3, at(250), -15);
    s.event(f.main, at(1300), Op::Join, Phase::Done, kNoObject, 503, "Process-3", -15);

    s.event(f.main, at(1310), Op::Start, Phase::Done, kNoObject, 504, "Process-4");
    f.p4 = s.process("Process-4", 504, at(1320), 500);
    s.event(f.p4, at(1400), Op::Put, Phase::Done, f.big, 1, "'XXXX…' (1000000 bytes)");
    s.event(f.main, at(1450), Op::Join, Phase::Blocked, kNoObject, 504, "Process-4");
    s.event(f.p4, at(1460), Op::Exit, Phase::Done, kNoObject, 0);
    s.event(f.p4, at(1500), Op::Flush, Phase::Blocked, f.big, 1'000'000);

    DeadlockReport report;
    report.ts = at(2000);
    report.cycle = {f.main, f.p4};
    report.edges = {DeadlockEdge{f.main, f.p4, Op::Join},
                    DeadlockEdge{f.p4, f.main, Op::Flush, f.big}};
    t.setDeadlock(report);
    t.setOutcome(Outcome::Deadlock);
    t.scenario = "fidelity";
    t.params = {{"maxsize", "3"}, {"bytes", "1000000"}};
    t.speed = 20;
    return f;
}

std::string describe(const TraceData& t, const Event& e) {
    return std::to_string(e.ts) + " " + t.processes()[e.process].name + " " +
           std::string(opName(e.op)) + " " + std::string(phaseName(e.phase)) + " o" +
           std::to_string(e.object) + " v" + std::to_string(e.value) + " x" +
           std::to_string(e.extra) + " [" + std::string(t.text(e.text)) + "]";
}

// Every event but step-mode intents, in a canonical order (ties across processes at one
// nanosecond are not ordered by the file).
std::vector<std::string> eventsOf(const TraceData& t) {
    std::vector<std::string> out;
    for (const Event& e : t.events())
        if (e.phase != Phase::Intent) out.push_back(describe(t, e));
    std::sort(out.begin(), out.end());
    return out;
}

// The arrows by what they join, not by event index.
std::vector<std::string> arrowsOf(const TraceData& t) {
    std::vector<std::string> out;
    for (const Message& m : t.messages())
        out.push_back(std::to_string(static_cast<int>(m.kind)) + ": " +
                      describe(t, t.events()[m.from]) + " -> " + describe(t, t.events()[m.to]));
    std::sort(out.begin(), out.end());
    return out;
}

const json::object* sliceArgs(const json::object& root, int pid, std::string_view state,
                              std::string_view op = {}) {
    for (const auto& v : root.at("traceEvents").as_array()) {
        const auto& e = v.as_object();
        if (e.at("ph").as_string() != "X" || e.at("pid").as_int64() != pid ||
            e.at("name").as_string() != state)
            continue;
        const auto* args = e.if_contains("args");
        if (!args) continue;
        if (!op.empty() && args->as_object().at("op").as_string() != op) continue;
        return &args->as_object();
    }
    return nullptr;
}

} // namespace

TEST_CASE("a join waits for a child the trace learns of later: the slice gets its peer",
          "[json][trace]") {
    const Fidelity f = fidelityTrace();
    const TraceData& t = f.s.trace;
    const Slice* join = t.sliceAt(f.main, kT0 + 1'250'000);
    REQUIRE(join);
    CHECK(join->state == State::Blocked);
    CHECK(join->op == Op::Join);
    CHECK(join->peer == f.p3);
    CHECK(mpviz::engine::explainBlocked(t, f.main, kT0 + 1'250'000) ==
          "MainProcess is blocked: it waits for Process-3 to end");
}

TEST_CASE("export, import keeps kinds, join peers, blocked calls, arrows and the deadlock",
          "[json]") {
    const Fidelity f = fidelityTrace();
    const TraceData& a = f.s.trace;
    const std::string text = toChromeJson(a, "0.1.0");
    const TraceData b = fromChromeJson(text);

    SECTION("the file says it") {
        const json::object root = json::parse(text).as_object();
        const auto* acquire = sliceArgs(root, 500, "blocked", "acquire");
        REQUIRE(acquire);
        CHECK(acquire->at("object").as_string() == "sem");
        CHECK(acquire->at("timed").as_bool());
        const auto* put = sliceArgs(root, 501, "blocked", "put");
        REQUIRE(put);
        CHECK(put->at("length").as_int64() == 3);
        CHECK_FALSE(put->contains("timed"));
        const auto* flush = sliceArgs(root, 504, "blocked", "flush");
        REQUIRE(flush);
        CHECK(flush->at("value").as_int64() == 1'000'000);
        const auto* sleep = sliceArgs(root, 502, "sleeping");
        REQUIRE(sleep);
        CHECK(sleep->at("duration_ns").as_int64() == 100'000);
        bool joinsProcess3 = false;
        for (const auto& v : root.at("traceEvents").as_array()) {
            const auto& e = v.as_object();
            const auto* args = e.if_contains("args");
            if (e.at("ph").as_string() == "X" && args && args->as_object().contains("child") &&
                args->as_object().at("child").as_int64() == 503)
                joinsProcess3 = args->as_object().at("object").as_string() == "Process-3";
        }
        CHECK(joinsProcess3);
        const auto& objects = root.at("otherData").as_object().at("objects").as_array();
        REQUIRE(objects.size() == 3);
        CHECK(objects[0].as_object().at("kind").as_string() == "semaphore");
        CHECK(objects[0].as_object().at("capacity").as_int64() == 2);
    }

    SECTION("objects: names, kinds, capacities, values over time") {
        requireSameObjects(a, b);
        CHECK(b.objects()[f.sem].kind == ObjectKind::Semaphore);
        CHECK(b.objects()[f.queue].kind == ObjectKind::Queue);
        CHECK(b.objects()[f.big].kind == ObjectKind::JoinableQueue);
        const std::int64_t full = kT0 + 500'000;
        CHECK(b.queueItemsAt(f.queue, full) == a.queueItemsAt(f.queue, full));
        REQUIRE(b.queueItemsAt(f.queue, full).size() == 3);
        CHECK(b.text(b.queueItemsAt(f.queue, full)[2]) == "[1, 2]");
        CHECK(b.holdersAt(f.sem, kT0 + 400'000) == a.holdersAt(f.sem, kT0 + 400'000));
    }

    SECTION("processes: parents, daemon flags, times, exit codes, slices and join peers") {
        requireSameProcesses(a, b);
        CHECK(b.processes()[f.p2].daemon);
        CHECK(b.processes()[f.p2].exitcode == -15);
        CHECK(b.processes()[f.p3].parent == f.main);
        CHECK(b.sliceAt(f.main, kT0 + 975'000)->peer == f.p1);
        CHECK(b.sliceAt(f.main, kT0 + 1'250'000)->peer == f.p3);
        CHECK(b.sliceAt(f.main, kT0 + 1'700'000)->peer == f.p4);
    }

    SECTION("every event, blocked calls and sleeps included, and the arrows between them") {
        CHECK(eventsOf(b) == eventsOf(a));
        CHECK(arrowsOf(b) == arrowsOf(a));
        // The print, the items and the exit codes, spelled out.
        const auto has = [&](const std::string& line) {
            const auto all = eventsOf(b);
            return std::find(all.begin(), all.end(), line) != all.end();
        };
        CHECK(has(std::to_string(kT0 + 330'000) +
                  " Process-1 print done o65535 v0 x0 [hello from Process-1]"));
        CHECK(has(std::to_string(kT0 + 1'160'000) +
                  " MainProcess join done o65535 v502 x-15 [Process-2]"));
        CHECK(has(std::to_string(kT0 + 320'000) + " MainProcess acquire blocked o0 v0 x1 []"));
        CHECK(has(std::to_string(kT0 + 1'500'000) + " Process-4 flush blocked o2 v1000000 x0 []"));
    }

    SECTION("what the views say about it") {
        CHECK(mpviz::engine::explainDeadlock(b) == mpviz::engine::explainDeadlock(a));
        CHECK_THAT(mpviz::engine::explainDeadlock(b), Catch::Contains("1,000,000 queued bytes"));
        CHECK(mpviz::engine::explainBlocked(b, f.main, kT0 + 500'000) ==
              "MainProcess is blocked: the semaphore sem has no permits left");
        CHECK(mpviz::engine::explainBlocked(b, f.main, kT0 + 1'250'000) ==
              "MainProcess is blocked: it waits for Process-3 to end");
    }

    SECTION("the session: deadlock, outcome, scenario, parameters, speed, time range") {
        REQUIRE(b.deadlock().has_value());
        CHECK(b.deadlock()->ts == a.deadlock()->ts);
        CHECK(b.deadlock()->cycle == std::vector<int>{f.main, f.p4});
        REQUIRE(b.deadlock()->edges.size() == 2);
        CHECK(b.deadlock()->edges[1].op == Op::Flush);
        CHECK(b.deadlock()->edges[1].object == f.big);
        CHECK(b.outcome() == Outcome::Deadlock);
        CHECK(b.scenario == "fidelity");
        CHECK(b.params == a.params);
        CHECK(b.speed == 20);
        CHECK(b.firstTs() == a.firstTs());
        CHECK(b.lastTs() == a.lastTs());
    }

    SECTION("and a second export is the same file") {
        CHECK(toChromeJson(b, "0.1.0") == text);
    }
}

TEST_CASE("a hand-made trace: acquire and release values tell a semaphore from a lock", "[json]") {
    const std::string text = R"({"traceEvents": [
        {"name": "acquire", "ph": "i", "s": "t", "pid": 1, "ts": 1, "args": {"object": "sem", "value": 2}},
        {"name": "acquire", "ph": "i", "s": "t", "pid": 2, "ts": 2, "args": {"object": "sem", "value": 1}},
        {"name": "release", "ph": "i", "s": "t", "pid": 1, "ts": 3, "args": {"object": "sem", "value": 2}},
        {"name": "acquire", "ph": "i", "s": "t", "pid": 1, "ts": 4, "args": {"object": "lock", "value": 0}},
        {"name": "release", "ph": "i", "s": "t", "pid": 1, "ts": 5, "args": {"object": "lock", "value": 1}},
        {"name": "acquire", "ph": "i", "s": "t", "pid": 2, "ts": 6, "args": {"object": "bare"}},
        {"name": "release", "ph": "i", "s": "t", "pid": 2, "ts": 7, "args": {"object": "bare"}},
        {"name": "blocked", "ph": "X", "pid": 2, "ts": 8, "dur": 2, "args": {"op": "acquire", "object": "counted"}},
        {"name": "counted", "ph": "C", "pid": 1, "ts": 1, "args": {"value": 4}},
        {"name": "exit", "ph": "i", "s": "t", "pid": 2, "ts": 11, "args": {"signal": 9}},
        {"name": "join", "ph": "i", "s": "t", "pid": 1, "ts": 12, "args": {"child": 2, "signal": 9}}
    ]})";
    const TraceData t = fromChromeJson(text);
    const auto kindOf = [&](std::string_view name) {
        const auto object = t.objectByName(name);
        REQUIRE(object.has_value());
        return std::pair{t.objects()[*object].kind, t.objects()[*object].capacity};
    };
    CHECK(kindOf("sem") == std::pair{ObjectKind::Semaphore, std::int64_t{3}});
    CHECK(kindOf("lock") == std::pair{ObjectKind::Lock, std::int64_t{0}});
    CHECK(kindOf("bare") == std::pair{ObjectKind::Lock, std::int64_t{0}}); // says nothing more
    CHECK(kindOf("counted") == std::pair{ObjectKind::Semaphore, std::int64_t{4}});
    // Only the signal is named: Python's exit code is its negative.
    const int killed = t.processIndexByPid(2);
    CHECK(t.processes()[killed].exitcode == -9);
    const auto events = t.events();
    const auto join = std::find_if(events.begin(), events.end(), [](const Event& e) {
        return e.op == Op::Join && e.phase == Phase::Done;
    });
    REQUIRE(join != events.end());
    CHECK(join->extra == -9);
}
