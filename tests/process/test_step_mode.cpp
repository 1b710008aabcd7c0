// Step mode, "you are the scheduler": every operation of every real process waits for a
// grant, so a schedule reproduces an interleaving exactly — including the broken ones.
#include "process_helpers.hpp"

#include "engine/session.hpp"
#include "scenario.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <thread>

using namespace mpviz;
using trace::Op;
using trace::Outcome;
using trace::Phase;

namespace {

// A lesson's run as the process tests start one (ptest::options), at 50x, in step mode
// under `schedule` ("" to step by hand).
engine::SessionOptions stepOptions(const std::string& id,
                                   const std::vector<std::pair<std::string, std::string>>& sets,
                                   const std::string& schedule) {
    auto o = ptest::options(id, sets, 50, 60);
    o.schedule = schedule;
    return o;
}

// "Process-1 write v 2": the operations in the order they happened, without pids or times.
std::vector<std::string> operationSequence(const trace::TraceData& t) {
    std::vector<const trace::Event*> done;
    for (const auto& e : t.events())
        if (e.phase == Phase::Done && e.op != Op::Exit) done.push_back(&e);
    std::stable_sort(done.begin(), done.end(), [](auto* a, auto* b) { return a->ts < b->ts; });
    std::vector<std::string> out;
    for (const auto* e : done) {
        std::string line = t.processes()[e->process].name + " " + std::string(trace::opName(e->op));
        if (e->object != trace::kNoObject) line += " " + t.objects()[e->object].name;
        if (e->op == Op::Read || e->op == Op::Write) line += " " + std::to_string(e->value);
        out.push_back(line);
    }
    return out;
}

std::int64_t finalValue(const trace::TraceData& t, const std::string& object) {
    const auto id = t.objectByName(object);
    REQUIRE(id);
    const auto samples = t.counter(*id);
    REQUIRE(!samples.empty());
    return samples.back().value;
}

bool alive(int pid) {
    return ::kill(pid, 0) == 0;
}

struct Run {
    Outcome outcome;
    std::vector<std::string> sequence; // completed operations, in trace order
    std::int64_t value = 0;
    std::vector<std::string> grants; // who was granted, in order
};

Run run(const engine::SessionOptions& o, const char* valueObject = nullptr) {
    engine::Session session(o);
    session.start();
    Run r{session.wait(), {}, 0, {}};
    r.grants = session.grantLog();
    session.trace()->read([&](const trace::TraceData& t) {
        r.sequence = operationSequence(t);
        if (valueObject) r.value = finalValue(t, valueObject);
        for (const auto& p : t.processes())
            CHECK_FALSE(alive(p.pid));
    });
    return r;
}

} // namespace

TEST_CASE("step: the same schedule twice gives the same operations in the same order",
          "[process][step]") {
    const auto o =
        stepOptions("shared-value", {{"use_lock", "false"}, {"increments", "3"}}, "round-robin");
    const auto first = run(o, "v");
    const auto second = run(o, "v");
    CHECK(first.outcome == Outcome::Completed);
    CHECK(first.sequence.size() > 10);
    // The same grants in the same order. Operations complete in that order too, except
    // where a granted operation blocks (MainProcess's join) and finishes while the next
    // granted one runs: those two really race, so the completed operations are compared
    // as a set and the grants as a sequence.
    CHECK(first.grants.size() > 10);
    CHECK(first.grants == second.grants);
    auto done1 = first.sequence, done2 = second.sequence;
    std::sort(done1.begin(), done1.end());
    std::sort(done2.begin(), done2.end());
    CHECK(done1 == done2);
    CHECK(first.value == second.value);
}

TEST_CASE("step: shared-value without a lock under round-robin loses an update",
          "[process][step][shared-value]") {
    const auto o =
        stepOptions("shared-value", {{"use_lock", "false"}, {"workers", "2"}, {"increments", "3"}},
                    "round-robin");
    const auto r = run(o, "v");
    CHECK(r.outcome == Outcome::Completed);
    CHECK(r.value < 6);
}

TEST_CASE("step: shared-value with a lock never loses an update, whatever the schedule",
          "[process][step][shared-value]") {
    for (int seed = 1; seed <= 20; ++seed) {
        const auto o = stepOptions("shared-value",
                                   {{"use_lock", "true"}, {"workers", "2"}, {"increments", "3"}},
                                   "random:" + std::to_string(seed));
        const auto r = run(o, "v");
        INFO("seed " << seed);
        CHECK(r.outcome == Outcome::Completed);
        CHECK(r.value == 6);
    }
}

TEST_CASE("step: lock-order under round-robin deadlocks with a two-process cycle",
          "[process][step][lock-order]") {
    engine::Session session(stepOptions("lock-order", {}, "round-robin"));
    session.start();
    REQUIRE(session.wait() == Outcome::Deadlock);
    session.trace()->read([&](const trace::TraceData& t) {
        REQUIRE(t.deadlock());
        const auto& cycle = t.deadlock()->cycle;
        REQUIRE(cycle.size() == 2);
        for (int p : cycle)
            CHECK(t.processes()[p].name != "MainProcess");
        for (const auto& p : t.processes())
            CHECK_FALSE(alive(p.pid));
    });
}

TEST_CASE("step: switching from step mode to run mode completes the scenario", "[process][step]") {
    auto o = stepOptions("semaphore", {{"workers", "3"}, {"hold", "0.5"}}, "");
    o.step = true; // no schedule: nothing moves until granted
    engine::Session session(o);
    session.start();
    // Grant a handful of operations by hand, then let it run.
    for (int granted = 0; granted < 5;) {
        if (!session.pendingIntents().empty()) {
            session.step();
            ++granted;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK_FALSE(session.wait_for(std::chrono::milliseconds(300))); // stuck without grants
    session.setStepMode(false);
    CHECK(session.wait() == Outcome::Completed);
    CHECK(session.grantLog().size() >= 5);
}

TEST_CASE("step: a process killed while it waits for a grant is reported, not waited for",
          "[process][step]") {
    auto o = stepOptions("lock", {{"workers", "2"}}, "");
    o.step = true;
    o.timeout = 20;
    engine::Session session(o);
    session.start();
    // Grant until a worker is waiting for its grant, then kill it.
    int victim = 0;
    for (int tries = 0; tries < 500 && !victim; ++tries) {
        for (const auto& p : session.pendingIntents())
            if (p.name == "Process-1")
                victim = session.trace()->read(
                    [&](const trace::TraceData& t) { return t.processes()[p.process].pid; });
        if (!victim) session.step();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE(victim);
    ::kill(victim, SIGKILL);
    // Its pending operation disappears; the rest still runs to the end once released.
    for (int i = 0; i < 100; ++i) {
        bool stillPending = false;
        for (const auto& p : session.pendingIntents())
            stillPending |= p.name == "Process-1";
        if (!stillPending) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    for (const auto& p : session.pendingIntents())
        CHECK(p.name != "Process-1");
    session.setStepMode(false);
    CHECK(session.wait() == Outcome::Completed);
    session.trace()->read([&](const trace::TraceData& t) {
        const auto i = t.processIndexByPid(victim);
        REQUIRE(i >= 0);
        CHECK(t.processes()[i].exitcode == -SIGKILL);
    });
}

TEST_CASE("step: a replay of recorded grants ignores hands until it is done, then the policy "
          "goes on as in the recording",
          "[process][step][replay]") {
    // The recording: lock-order stepped round-robin into its deadlock.
    auto original = stepOptions("lock-order", {}, "round-robin");
    engine::Session first(original);
    first.start();
    REQUIRE(first.wait() == Outcome::Deadlock);
    const auto log = first.grantLog();
    REQUIRE(log.size() >= 6);

    // Replay all but the last, with a person pressing Step and clicking all along.
    auto o = stepOptions("lock-order", {}, "");
    std::string names;
    for (const auto& n : log)
        names += (names.empty() ? "" : ",") + n;
    o.schedule = names;
    o.autoGrantLimit = static_cast<int>(log.size()) - 1;
    o.afterSchedule = "round-robin";
    engine::Session replay(o);
    replay.start();
    CHECK(replay.replaying());
    for (int i = 0; i < 400 && replay.replaying(); ++i) {
        replay.step();
        for (const auto& p : replay.pendingIntents())
            replay.grant(p.process);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE_FALSE(replay.replaying());
    CHECK(replay.grantLog() == std::vector<std::string>(log.begin(), log.end() - 1));
    // Round-robin takes over having seen the replayed grants: the same last step, the same
    // deadlock.
    while (!replay.wait_for(std::chrono::milliseconds(30)))
        if (!replay.pendingIntents().empty()) replay.step();
    CHECK(replay.outcome() == Outcome::Deadlock);
    CHECK(replay.grantLog() == log);
}

TEST_CASE("step: run mode and straight back to step mode leaves no process stuck",
          "[process][step]") {
    auto o = stepOptions("lock", {{"workers", "2"}}, "");
    o.step = true;
    engine::Session session(o);
    session.start();
    for (int flips = 0; flips < 20; ++flips) {
        for (int i = 0; i < 100 && session.pendingIntents().empty(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        session.setStepMode(false);
        session.setStepMode(true);
        session.step();
    }
    // However the switches raced the processes, each one that waits is one Step can reach:
    // stepping alone takes the lesson to its end (a stuck one would leave it hanging).
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!session.wait_for(std::chrono::milliseconds(10)) &&
           std::chrono::steady_clock::now() < until)
        if (!session.pendingIntents().empty()) session.step();
    REQUIRE(session.finished());
    CHECK(session.outcome() == Outcome::Completed);
}
