// Real-process runs of the synchronisation lessons: lock, semaphore, event, shared-value,
// lock-order. Each asserts, from the recorded trace, what the lesson promises.

#include "process_helpers.hpp"

#include <set>

using namespace mpviz::ptest;
using mpviz::trace::Op;
using mpviz::trace::Phase;

namespace {

// Non-main processes of a run (the scenario's workers), by index.
std::vector<int> workerIndices(const TraceData& d) {
    std::vector<int> out;
    for (std::size_t i = 0; i < d.processes().size(); ++i)
        if (d.processes()[i].name != "MainProcess") out.push_back(static_cast<int>(i));
    return out;
}

bool before(std::int64_t ts1, std::uint32_t seq1, std::int64_t ts2, std::uint32_t seq2) {
    return ts1 != ts2 ? ts1 < ts2 : seq1 < seq2;
}

} // namespace

TEST_CASE("lock: the holds of 'lock' never overlap and every task prints its four lines",
          "[process][lock]") {
    const int workers = 3;
    const auto run = runScenario("lock", {{"workers", std::to_string(workers)}}, 40);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "completed");

    auto holds = holdsOf(run.data, "lock");
    std::sort(holds.begin(), holds.end(), [](const Hold& a, const Hold& b) {
        return before(a.begin, a.beginSeq, b.begin, b.beginSeq);
    });
    CHECK(holds.size() == static_cast<std::size_t>(workers));
    std::set<int> holders;
    for (std::size_t i = 0; i < holds.size(); ++i) {
        holders.insert(holds[i].process);
        CHECK(holds[i].end != INT64_MAX); // released
        if (i + 1 < holds.size()) {
            INFO("hold of " << processName(run.data, holds[i].process) << " ends at "
                            << holds[i].end << ", next hold by "
                            << processName(run.data, holds[i + 1].process) << " begins at "
                            << holds[i + 1].begin);
            CHECK(before(holds[i].end, holds[i].endSeq, holds[i + 1].begin, holds[i + 1].beginSeq));
        }
    }
    CHECK(holders.size() == static_cast<std::size_t>(workers)); // each worker held it once

    // Every worker printed four lines, all while holding the lock: the output comes in
    // blocks of four.
    const auto prints = printsByProcess(run.data);
    for (int w : workerIndices(run.data)) {
        const auto name = processName(run.data, w);
        INFO(name);
        REQUIRE(prints.count(name) == 1);
        CHECK(prints.at(name).size() == 4);
        for (const auto& line : prints.at(name))
            CHECK(contains(line, " output"));
    }
    int previous = -1, inBlock = 0;
    for (const auto& e : eventsOf(run.data, Op::Print)) {
        if (e.process == previous) {
            ++inBlock;
        } else {
            CHECK((previous == -1 || inBlock == 4));
            previous = e.process;
            inBlock = 1;
        }
        bool insideHold = false;
        for (const auto& h : holds)
            if (h.process == e.process && e.ts >= h.begin && e.ts <= h.end) insideHold = true;
        INFO("print '" << text(run.data, e) << "' of " << processName(run.data, e.process));
        CHECK(insideHold);
    }
    checkNothingLeft(run);
}

TEST_CASE("lock: without the lock there is no lock activity and every line is printed",
          "[process][lock]") {
    const auto run = runScenario("lock", {{"workers", "3"}, {"use_lock", "false"}}, 40);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "completed");
    CHECK(eventsOf(run.data, Op::Acquire).empty());
    CHECK(eventsOf(run.data, Op::Release).empty());
    CHECK(eventsOf(run.data, Op::Acquire, Phase::Blocked).empty());
    const auto workers = workerIndices(run.data);
    CHECK(workers.size() == 3);
    const auto prints = printsByProcess(run.data);
    std::set<std::string> tasks;
    for (int w : workers) {
        const auto name = processName(run.data, w);
        INFO(name);
        REQUIRE(prints.count(name) == 1);
        CHECK(prints.at(name).size() == 4);
        for (const auto& line : prints.at(name))
            tasks.insert(line.substr(line.find(' ') + 1));
    }
    CHECK(tasks == std::set<std::string>{"task1 output", "task2 output", "task3 output"});
    checkNothingLeft(run);
}

TEST_CASE("semaphore: never more holders than permits, and the bound is reached",
          "[process][semaphore]") {
    const auto [workers, permits] = GENERATE(table<int, int>({{5, 2}, {4, 3}}));
    const auto run = runScenario(
        "semaphore",
        {{"workers", std::to_string(workers)}, {"permits", std::to_string(permits)}, {"hold", "4"}},
        25);
    INFO("workers " << workers << ", permits " << permits);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "completed");
    const auto sem = run.data.objectByName("sem");
    REQUIRE(sem.has_value());
    CHECK(run.data.objects()[*sem].capacity == permits);

    // Holders over time, from acquire / release Done in (ts, seq) order.
    int holders = 0, most = 0;
    std::map<int, int> acquired, released;
    for (const auto& e : sortedEvents(run.data)) {
        if (e.object != *sem || e.phase != Phase::Done) continue;
        if (e.op == Op::Acquire) {
            ++acquired[e.process];
            most = std::max(most, ++holders);
            INFO("after acquire by " << processName(run.data, e.process));
            CHECK(holders <= permits);
        } else if (e.op == Op::Release) {
            ++released[e.process];
            --holders;
            CHECK(holders >= 0);
        }
    }
    CHECK(most == permits);
    CHECK(holders == 0);

    const auto workerList = workerIndices(run.data);
    CHECK(workerList.size() == static_cast<std::size_t>(workers));
    for (int w : workerList) {
        INFO(processName(run.data, w));
        CHECK(acquired[w] == 1);
        CHECK(released[w] == 1);
    }
    // The counter stays within [0, permits].
    const auto samples = run.data.counter(*sem);
    CHECK_FALSE(samples.empty());
    for (const auto& s : samples) {
        INFO("counter sample at " << s.ts << " = " << s.value);
        CHECK(s.value >= 0);
        CHECK(s.value <= permits);
    }
    checkNothingLeft(run);
}

TEST_CASE("event: waiters wake only after the first set, and the timed waiter gives up or not",
          "[process][event]") {
    // Main sleeps 8 s between its two sets; the timed waiter's second wait starts about
    // 1 s after the first set.
    const auto [timeout, succeeds] =
        GENERATE(table<const char*, bool>({{"1.0", false}, {"15", true}}));
    const auto run = runScenario("event", {{"waiters", "2"}, {"timeout", timeout}}, 10);
    INFO("timeout " << timeout);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "completed");

    const auto sets = eventsOf(run.data, Op::Set, Phase::Done, "event");
    REQUIRE(sets.size() == 2);
    const int main = processIndex(run.data, "MainProcess");
    CHECK(sets[0].process == main);
    CHECK(sets[1].process == main);

    const int forever = processIndex(run.data, "Process-1"); // mytest1
    const int timed = processIndex(run.data, "Process-2");   // mytest2
    REQUIRE(forever >= 0);
    REQUIRE(timed >= 0);
    std::map<int, std::vector<mpviz::trace::Event>> waits;
    for (const auto& e : eventsOf(run.data, Op::Wait, Phase::Done, "event"))
        waits[e.process].push_back(e);
    for (int w : {forever, timed}) {
        INFO(processName(run.data, w));
        REQUIRE(waits[w].size() == 2);
        // The first wait returned true, and only after main's first set.
        CHECK(waits[w][0].value == 1);
        CHECK(before(sets[0].ts, sets[0].seq, waits[w][0].ts, waits[w][0].seq));
    }
    // The untimed waiter's second wait ends with the second set.
    CHECK(waits[forever][1].value == 1);
    CHECK(before(sets[1].ts, sets[1].seq, waits[forever][1].ts, waits[forever][1].seq));

    const auto lines = printsByProcess(run.data)[processName(run.data, timed)];
    INFO("Process-2 printed: " << joined(lines));
    if (succeeds) {
        CHECK(waits[timed][1].value == 1);
        CHECK(before(sets[1].ts, sets[1].seq, waits[timed][1].ts, waits[timed][1].seq));
        CHECK(anyLineContains(lines, "you made it, let's go"));
        CHECK_FALSE(anyLineContains(lines, "time's up"));
    } else {
        CHECK(waits[timed][1].value == 0);
        CHECK(before(waits[timed][1].ts, waits[timed][1].seq, sets[1].ts, sets[1].seq));
        CHECK(anyLineContains(lines, "time's up, I'm going on"));
        CHECK_FALSE(anyLineContains(lines, "you made it"));
        // Its second wait was a timed block that gave up.
        bool timedBlock = false;
        for (const auto& e : eventsOf(run.data, Op::Wait, Phase::Blocked, "event"))
            if (e.process == timed && e.extra == 1) timedBlock = true;
        CHECK(timedBlock);
    }
    CHECK(anyLineContains(printsByProcess(run.data)["MainProcess"], "we all made it to the top"));
    checkNothingLeft(run);
}

TEST_CASE("shared-value: with the lock no update is lost and writes follow reads",
          "[process][shared-value]") {
    const int workers = 3, increments = 5;
    const auto run = runScenario("shared-value",
                                 {{"workers", std::to_string(workers)},
                                  {"increments", std::to_string(increments)},
                                  {"use_lock", "true"}},
                                 20);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "completed");
    const auto v = run.data.objectByName("v");
    REQUIRE(v.has_value());

    // Globally, reads and writes of v alternate like a single thread's would: each write is
    // the previous value + 1, each read sees the latest write.
    std::int64_t current = -1;
    std::vector<std::int64_t> writes;
    std::map<int, std::optional<std::int64_t>> lastRead;
    for (const auto& e : sortedEvents(run.data)) {
        if (e.object != *v || e.phase != Phase::Done) continue;
        INFO(processName(run.data, e.process)
             << " " << mpviz::trace::opName(e.op) << " " << e.value);
        if (e.op == Op::Write) {
            writes.push_back(e.value);
            if (processName(run.data, e.process) != "MainProcess") {
                REQUIRE(lastRead[e.process].has_value());
                CHECK(e.value == *lastRead[e.process] + 1);
                lastRead[e.process].reset();
            }
            current = e.value;
        } else if (e.op == Op::Read) {
            CHECK(e.value == current);
            lastRead[e.process] = e.value;
        }
    }
    std::vector<std::int64_t> expected;
    for (int i = 0; i <= workers * increments; ++i)
        expected.push_back(i);
    CHECK(writes == expected);
    CHECK(anyLineContains(printsByProcess(run.data)["MainProcess"],
                          "final value: " + std::to_string(workers * increments) +
                              " expected: " + std::to_string(workers * increments)));
    checkNothingLeft(run);
}

TEST_CASE("shared-value: without the lock each write is its own read + 1",
          "[process][shared-value]") {
    const auto run = runScenario(
        "shared-value", {{"workers", "3"}, {"increments", "5"}, {"use_lock", "false"}}, 20);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "completed");
    const auto v = run.data.objectByName("v");
    REQUIRE(v.has_value());
    CHECK(eventsOf(run.data, Op::Acquire).empty());
    std::map<int, std::optional<std::int64_t>> lastRead;
    std::int64_t lastWrite = 0;
    int jobWrites = 0;
    for (const auto& e : sortedEvents(run.data)) {
        if (e.object != *v || e.phase != Phase::Done) continue;
        if (e.op == Op::Read) lastRead[e.process] = e.value;
        if (e.op != Op::Write) continue;
        lastWrite = e.value;
        if (processName(run.data, e.process) == "MainProcess") continue;
        ++jobWrites;
        INFO(processName(run.data, e.process) << " wrote " << e.value);
        REQUIRE(lastRead[e.process].has_value());
        CHECK(e.value == *lastRead[e.process] + 1);
        lastRead[e.process].reset();
    }
    CHECK(jobWrites == 15);
    CHECK(lastWrite <= 15);
    CHECK(lastWrite >= 1);
    CHECK(anyLineContains(printsByProcess(run.data)["MainProcess"],
                          "final value: " + std::to_string(lastWrite) + " expected: 15"));
    checkNothingLeft(run);
}

TEST_CASE("lock-order: opposite orders deadlock between the two workers", "[process][lock-order]") {
    // Slow enough that both take their first lock before either wants its second.
    const auto run = runScenario("lock-order", {{"ordered", "false"}}, 4);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "deadlock");
    const auto& dl = run.data.deadlock();
    REQUIRE(dl.has_value());
    std::set<std::string> cycle;
    for (int p : dl->cycle)
        cycle.insert(processName(run.data, p));
    CHECK(dl->cycle.size() == 2);
    CHECK(cycle == std::set<std::string>{"Process-1", "Process-2"});
    std::set<std::string> objects;
    for (const auto& e : dl->edges)
        if (e.op == Op::Acquire) {
            objects.insert(objectName(run.data, e.object));
            CHECK(cycle.count(processName(run.data, e.from)) == 1);
            CHECK(cycle.count(processName(run.data, e.to)) == 1);
        }
    CHECK(objects == std::set<std::string>{"lock_a", "lock_b"});
    CHECK_FALSE(anyLineContains(allPrints(run.data), "both done"));
    checkNothingLeft(run);
}

TEST_CASE("lock-order: the same order everywhere completes", "[process][lock-order]") {
    const auto run = runScenario("lock-order", {{"ordered", "true"}}, 20);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "completed");
    CHECK_FALSE(run.data.deadlock().has_value());
    CHECK(anyLineContains(printsByProcess(run.data)["MainProcess"], "both done"));
    for (const char* w : {"Process-1", "Process-2"})
        CHECK(anyLineContains(printsByProcess(run.data)[w], "holds lock_a and lock_b"));
    checkNothingLeft(run);
}
