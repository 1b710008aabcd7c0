// Real-process runs of the lessons that move data: queue, pipe, pool, deadlock-on-join.

#include "process_helpers.hpp"

#include <set>

using namespace mpviz::ptest;
using mpviz::trace::Op;
using mpviz::trace::Phase;

namespace {

std::vector<std::string> texts(const TraceData& d, const std::vector<mpviz::trace::Event>& es) {
    std::vector<std::string> out;
    for (const auto& e : es)
        out.push_back(text(d, e));
    return out;
}

std::vector<std::string> lollies(int items) {
    std::vector<std::string> out;
    for (int n = 1; n <= items; ++n)
        out.push_back("'ice-lolly " + std::to_string(n) + "'");
    return out;
}

// The length never goes above maxsize (nor below 0), as recorded by puts, gets and the
// queue's counter.
void checkQueueLength(const Run& run, int maxsize) {
    const auto& d = run.data;
    const auto q = d.objectByName("queue");
    REQUIRE(q.has_value());
    const auto puts = eventsOf(d, Op::Put, Phase::Done, "queue");
    const auto gets = eventsOf(d, Op::Get, Phase::Done, "queue");
    for (const auto& e : puts) {
        INFO("put " << text(d, e) << " by " << processName(d, e.process) << " length after "
                    << e.value);
        CHECK(e.value >= 1);
        CHECK(e.value <= maxsize);
    }
    for (const auto& e : gets) {
        INFO("get " << text(d, e) << " length after " << e.value);
        CHECK(e.value >= 0);
        CHECK(e.value < maxsize);
    }
    for (const auto& s : d.counter(*q)) {
        INFO("queue counter at " << s.ts << " = " << s.value);
        CHECK(s.value >= 0);
        CHECK(s.value <= maxsize);
    }
}

// The queue's promises that hold whatever the number of consumers.
void checkQueueBookkeeping(const Run& run, int maxsize, int items, int consumers) {
    const auto& d = run.data;
    const auto q = d.objectByName("queue");
    REQUIRE(q.has_value());
    CHECK(d.objects()[*q].capacity == maxsize);

    const auto puts = eventsOf(d, Op::Put, Phase::Done, "queue");
    const auto gets = eventsOf(d, Op::Get, Phase::Done, "queue");
    CHECK(puts.size() == static_cast<std::size_t>(items + consumers));
    CHECK(gets.size() == puts.size());

    // queue.join() returned after the last task_done, which brought unfinished tasks to 0.
    const auto dones = eventsOf(d, Op::TaskDone, Phase::Done, "queue");
    CHECK(dones.size() == puts.size());
    REQUIRE_FALSE(dones.empty());
    CHECK(dones.back().value == 0);
    const auto joins = eventsOf(d, Op::QueueJoin, Phase::Done, "queue");
    REQUIRE(joins.size() == 1);
    CHECK(processName(d, joins[0].process) == "MainProcess");
    CHECK((dones.back().ts < joins[0].ts ||
           (dones.back().ts == joins[0].ts && dones.back().seq < joins[0].seq)));

    // Every consumer got a pill and said so.
    const auto prints = printsByProcess(d);
    int exiting = 0;
    for (const auto& [name, lines] : prints)
        exiting += anyLineContains(lines, ": Exiting");
    CHECK(exiting == consumers);
}

} // namespace

TEST_CASE("queue: one consumer takes the items in the order they were put", "[process][queue]") {
    // Defaults: maxsize 5, 10 items one a second, one consumer taking 5 s per item.
    const auto run = runScenario("queue", {}, 50);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "completed");
    const auto& d = run.data;

    const auto put = texts(d, eventsOf(d, Op::Put, Phase::Done, "queue"));
    const auto got = texts(d, eventsOf(d, Op::Get, Phase::Done, "queue"));
    INFO("put: " << joined(put));
    INFO("got: " << joined(got));
    auto expected = lollies(10);
    expected.push_back("None"); // the poison pill is Python's None, not a str
    CHECK(put == expected);
    CHECK(got == put);

    // The consumer is slower: the producer had to wait for room at least once.
    int producerBlocked = 0;
    for (const auto& e : eventsOf(d, Op::Put, Phase::Blocked, "queue"))
        producerBlocked += processName(d, e.process) == "Process-1";
    CHECK(producerBlocked >= 1);

    checkQueueBookkeeping(run, 5, 10, 1);
    checkNothingLeft(run);
}

TEST_CASE("queue: with several consumers every item is delivered exactly once",
          "[process][queue]") {
    const int items = 12, consumers = 3, maxsize = 4;
    const auto run = runScenario("queue",
                                 {{"items", std::to_string(items)},
                                  {"consumers", std::to_string(consumers)},
                                  {"maxsize", std::to_string(maxsize)}},
                                 50);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "completed");
    const auto& d = run.data;

    std::multiset<std::string> put, got;
    for (const auto& t : texts(d, eventsOf(d, Op::Put, Phase::Done, "queue")))
        put.insert(t);
    std::set<int> takers;
    for (const auto& e : eventsOf(d, Op::Get, Phase::Done, "queue")) {
        got.insert(text(d, e));
        takers.insert(e.process);
    }
    std::multiset<std::string> expected;
    for (const auto& t : lollies(items))
        expected.insert(t);
    for (int i = 0; i < consumers; ++i)
        expected.insert("None");
    CHECK(put == expected);
    CHECK(got == expected);
    CHECK(takers.size() <= static_cast<std::size_t>(consumers));
    checkQueueBookkeeping(run, maxsize, items, consumers);
    checkNothingLeft(run);
}

TEST_CASE("pipe: every message sent arrives, in order, in each direction", "[process][pipe]") {
    const int messages = GENERATE(5, 12);
    const auto run = runScenario("pipe", {{"messages", std::to_string(messages)}}, 20);
    INFO("messages " << messages);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "completed");
    const auto& d = run.data;
    const auto sends = eventsOf(d, Op::Send, Phase::Done, "conn1, conn2");
    const auto recvs = eventsOf(d, Op::Recv, Phase::Done, "conn1, conn2");
    for (int end : {0, 1}) {
        std::vector<std::string> sent, received;
        for (const auto& e : sends)
            if (e.extra == end) sent.push_back(text(d, e));
        for (const auto& e : recvs)
            if (e.extra == 1 - end) received.push_back(text(d, e));
        INFO("end " << end << " sent: " << joined(sent));
        INFO("the other end received: " << joined(received));
        std::vector<std::string> expected;
        const std::string prefix = end == 0 ? "mytest-" : "mytest02-";
        for (int i = 0; i < messages; ++i)
            expected.push_back("'" + prefix + std::to_string(i) + "'");
        CHECK(sent == expected);
        CHECK(received == sent);
    }
    // The pipe is empty at the end.
    const auto pipe = d.objectByName("conn1, conn2");
    REQUIRE(pipe.has_value());
    const auto samples = d.counter(*pipe);
    REQUIRE_FALSE(samples.empty());
    CHECK(samples.back().value == 0);
    checkNothingLeft(run);
}

TEST_CASE("pool: at most `processes` tasks at once, each run once, results are squares",
          "[process][pool]") {
    const int processes = 3, tasks = 10;
    const auto run = runScenario(
        "pool", {{"processes", std::to_string(processes)}, {"tasks", std::to_string(tasks)}}, 40);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "completed");
    const auto& d = run.data;

    CHECK(eventsOf(d, Op::Submit, Phase::Done, "pool").size() == static_cast<std::size_t>(tasks));
    std::map<std::int64_t, int> starts, ends;
    std::map<std::int64_t, std::string> results;
    std::set<int> workers;
    struct Edge {
        std::int64_t ts;
        std::uint32_t seq;
        int delta;
    };
    std::vector<Edge> edges;
    for (const auto& e : sortedEvents(d)) {
        if (e.phase != Phase::Done) continue;
        if (e.op == Op::TaskStart) {
            ++starts[e.value];
            workers.insert(e.process);
            edges.push_back({e.ts, e.seq, +1});
        } else if (e.op == Op::TaskEnd) {
            ++ends[e.value];
            results[e.value] = text(d, e);
            edges.push_back({e.ts, e.seq, -1});
        }
    }
    for (std::int64_t x = 0; x < tasks; ++x) {
        INFO("task " << x);
        CHECK(starts[x] == 1);
        CHECK(ends[x] == 1);
        CHECK(results[x] == std::to_string(x * x));
    }
    CHECK(starts.size() == static_cast<std::size_t>(tasks));
    CHECK(workers.size() <= static_cast<std::size_t>(processes));
    for (int w : workers)
        CHECK(processName(d, w).rfind("ForkPoolWorker-", 0) == 0);

    int running = 0, most = 0;
    for (const auto& e : edges) { // already in (ts, seq) order
        running += e.delta;
        most = std::max(most, running);
    }
    CHECK(most <= processes);
    CHECK(running == 0);

    std::string list = "[";
    for (int x = 0; x < tasks; ++x)
        list += (x ? ", " : "") + std::to_string(x * x);
    list += "]";
    const auto mainLines = printsByProcess(d)["MainProcess"];
    INFO("MainProcess printed: " << joined(mainLines));
    REQUIRE_FALSE(mainLines.empty());
    CHECK(mainLines.back() == list);
    checkNothingLeft(run);
}

TEST_CASE("deadlock-on-join: joining before reading a big item deadlocks",
          "[process][deadlock-on-join]") {
    // 65,515 characters is the first size whose pickle no longer fits CPython's pipe.
    const auto [bytes, pickled] =
        GENERATE(table<std::string, std::int64_t>({{"1000000", 1000009}, {"65515", 65533}}));
    const auto run = runScenario("deadlock-on-join", {{"bytes", bytes}}, 20);
    INFO("bytes " << bytes);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "deadlock");
    const auto& d = run.data;
    const auto& dl = d.deadlock();
    REQUIRE(dl.has_value());
    const int main = processIndex(d, "MainProcess");
    const int child = processIndex(d, "Process-1");
    REQUIRE(main >= 0);
    REQUIRE(child >= 0);
    const std::set<int> cycle(dl->cycle.begin(), dl->cycle.end());
    CHECK(cycle == std::set<int>{main, child});
    bool join = false, flush = false;
    for (const auto& e : dl->edges) {
        if (e.from == main && e.to == child && e.op == Op::Join) join = true;
        if (e.from == child && e.to == main && e.op == Op::Flush) {
            flush = true;
            CHECK(objectName(d, e.object) == "queue");
        }
    }
    CHECK(join);
    CHECK(flush);
    // The flush reports the bytes CPython would still have to write: the whole pickled item.
    const auto flushes = eventsOf(d, Op::Flush, Phase::Blocked, "queue");
    REQUIRE(flushes.size() == 1);
    CHECK(flushes.front().value == pickled);
    // The child's put went through (into its feeder), the main process never got it.
    CHECK(eventsOf(d, Op::Put, Phase::Done, "queue").size() == 1);
    CHECK(eventsOf(d, Op::Get, Phase::Done, "queue").empty());
    CHECK(allPrints(d).empty());
    // Every process was killed and has an exit code.
    for (const auto& p : d.processes()) {
        INFO(p.name);
        CHECK(p.exitcode.has_value());
    }
    checkNothingLeft(run);
}

TEST_CASE("deadlock-on-join: getting first, or a small item, completes",
          "[process][deadlock-on-join]") {
    const auto [bytes, fixed] = GENERATE(table<std::string, std::string>(
        {{"1000000", "true"}, {"1000", "false"}, {"1000", "true"}, {"65514", "false"}}));
    const auto run = runScenario("deadlock-on-join", {{"bytes", bytes}, {"fixed", fixed}}, 20);
    INFO("bytes " << bytes << " fixed " << fixed);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "completed");
    CHECK_FALSE(run.data.deadlock().has_value());
    const auto lines = printsByProcess(run.data)["MainProcess"];
    INFO("MainProcess printed: " << joined(lines));
    CHECK(lines == std::vector<std::string>{bytes});
    const auto child = processIndex(run.data, "Process-1");
    REQUIRE(child >= 0);
    CHECK(run.data.processes()[static_cast<std::size_t>(child)].exitcode == 0);
    checkNothingLeft(run);
}

// Bug (see the report): Queue::get gives the slot back before it decrements the length, so a
// put blocked on a full queue can record maxsize + 1 for a moment.
TEST_CASE("queue: the recorded length never exceeds maxsize", "[process][queue]") {
    const auto [maxsize, items, consumers] =
        GENERATE(table<int, int, int>({{5, 10, 1}, {4, 12, 3}, {2, 12, 1}}));
    const auto run = runScenario("queue",
                                 {{"items", std::to_string(items)},
                                  {"consumers", std::to_string(consumers)},
                                  {"maxsize", std::to_string(maxsize)}},
                                 50);
    INFO("maxsize " << maxsize << ", items " << items << ", consumers " << consumers);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "completed");
    checkQueueLength(run, maxsize);
    checkNothingLeft(run);
}
