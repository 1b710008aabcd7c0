// Real-process runs about how processes end: the lifecycle lesson's exit codes and daemon,
// and the session's own endings (timeout, stop), with nothing left behind; plus the Chrome
// JSON of a real run read back.

#include "process_helpers.hpp"

#include "trace/chrome_json.hpp"

#include <set>

using namespace mpviz::ptest;
using mpviz::trace::Op;
using mpviz::trace::Phase;

TEST_CASE("lifecycle: exit codes, join with a timeout and the daemon", "[process][lifecycle]") {
    const auto run = runScenario("lifecycle", {}, 5);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "completed");
    const auto& d = run.data;

    // Exit codes as the trace's processes record them ('terminated' has its own test: it
    // may be killed before it ever connects), and as the parent's join saw them.
    const std::map<std::string, int> expected = {
        {"exit_error", 1},   {"exit_ok", 0},    {"return_value", 0}, {"raises", 1},
        {"terminated", -15}, {"non-daemon", 0}, {"MainProcess", 0}};
    for (const auto& [name, code] : expected) {
        if (name == "terminated") continue;
        INFO(name);
        const int i = processIndex(d, name);
        REQUIRE(i >= 0);
        CHECK(d.processes()[static_cast<std::size_t>(i)].exitcode == code);
    }
    std::map<std::string, int> joinCodes;
    for (const auto& e : eventsOf(d, Op::Join))
        joinCodes.emplace(text(d, e), e.extra);
    for (const auto& [name, code] : expected) {
        if (name == "MainProcess") continue;
        INFO("join of " << name);
        REQUIRE(joinCodes.count(name) == 1);
        CHECK(joinCodes[name] == code);
    }

    // The daemon: still alive after join(1), terminated when MainProcess ends, never
    // printing "Exiting".
    const int daemon = processIndex(d, "daemon");
    REQUIRE(daemon >= 0);
    CHECK(d.processes()[static_cast<std::size_t>(daemon)].daemon);
    CHECK_FALSE(d.processes()[static_cast<std::size_t>(processIndex(d, "non-daemon"))].daemon);
    CHECK(d.processes()[static_cast<std::size_t>(daemon)].exitcode == -15);
    auto prints = printsByProcess(d);
    CHECK(prints["daemon"] == std::vector<std::string>{"Starting: daemon"});
    CHECK(prints["non-daemon"] ==
          std::vector<std::string>{"Starting: non-daemon", "Exiting : non-daemon"});
    const auto& mainLines = prints["MainProcess"];
    INFO("MainProcess printed: " << joined(mainLines));
    REQUIRE_FALSE(mainLines.empty());
    CHECK(contains(mainLines[0],
                   "d.name: daemon d.pid: " + std::to_string(d.processes()[daemon].pid) +
                       " d.is_alive(): True"));
    CHECK(anyLineContains(mainLines, "d.is_alive() True"));
    for (const auto& [name, code] : expected) {
        if (name == "MainProcess" || name == "non-daemon") continue;
        CHECK(anyLineContains(mainLines, name + ".exitcode = " + std::to_string(code)));
    }
    // The join with a timeout gave up once (Failed), the daemon was terminated by its parent.
    bool joinGaveUp = false;
    for (const auto& e : eventsOf(d, Op::Join, Phase::Failed))
        if (e.value == d.processes()[daemon].pid) joinGaveUp = true;
    CHECK(joinGaveUp);
    std::set<std::string> terminated;
    for (const auto& e : eventsOf(d, Op::Terminate))
        terminated.insert(text(d, e));
    CHECK(terminated == std::set<std::string>{"terminated", "daemon"});
    checkNothingLeft(run);
}

// Bug: a process killed before it connects to the engine is missing from the trace (see the
// report): the lesson's 'terminated' is SIGTERMed right after start, so it usually is.
TEST_CASE("lifecycle: 'terminated' appears in the trace with exit code -15",
          "[process][lifecycle]") {
    const auto run = runScenario("lifecycle", {}, 5);
    INFO(describe(run.data));
    REQUIRE(run.outcomeName() == "completed");
    const int i = processIndex(run.data, "terminated");
    REQUIRE(i >= 0);
    CHECK(run.data.processes()[static_cast<std::size_t>(i)].exitcode == -15);
    checkNothingLeft(run);
}

TEST_CASE("timeout: a long run ends as Timeout with nothing left running", "[process][timeout]") {
    // The queue lesson takes about a minute at speed 1.
    const auto run = runScenario("queue", {}, 1, 0.5, 20);
    INFO(describe(run.data));
    CHECK(run.outcomeName() == "timeout");
    CHECK(run.data.outcome() == Outcome::Timeout);
    CHECK(run.data.processes().size() >= 2);
    for (const auto& p : run.data.processes()) {
        INFO(p.name);
        CHECK(p.exitcode.has_value());
        CHECK(p.endTs.has_value());
    }
    checkNothingLeft(run);
}

TEST_CASE("stop: stopping mid-run ends as Stopped with nothing left running", "[process][stop]") {
    mpviz::engine::Session session(options("lock", {{"workers", "3"}}, 1));
    session.start();
    // Wait until every task runs and one holds the lock.
    const auto until = std::chrono::steady_clock::now() + 10s;
    bool ready = false;
    while (!ready && std::chrono::steady_clock::now() < until) {
        ready = session.trace()->read([](const TraceData& t) {
            return t.processes().size() == 4 && !eventsOf(t, Op::Acquire).empty();
        });
        if (!ready) std::this_thread::sleep_for(10ms);
    }
    CHECK(ready);
    CHECK_FALSE(session.finished());
    session.stop();
    const auto run = finish(session, "lock", 10000ms);
    INFO(describe(run.data));
    CHECK(run.outcomeName() == "stopped");
    CHECK(run.data.outcome() == Outcome::Stopped);
    CHECK(run.data.processes().size() == 4);
    checkNothingLeft(run);
}

TEST_CASE("Chrome JSON of a real run reads back the same", "[process][json]") {
    const auto scenario = GENERATE(as<std::string>{}, "lock", "deadlock-on-join", "pipe");
    const auto run = runScenario(scenario, {}, 20);
    INFO(scenario);
    const auto& a = run.data;
    TempDir dir;
    const auto file = dir / "trace.json";
    mpviz::trace::saveChromeJson(a, file, "test");
    const auto b = mpviz::trace::loadChromeJson(file);

    CHECK(b.scenario == a.scenario);
    CHECK(b.params == a.params);
    CHECK(b.outcome() == a.outcome());
    CHECK(b.deadlock().has_value() == a.deadlock().has_value());
    REQUIRE(b.processes().size() == a.processes().size());
    for (std::size_t i = 0; i < a.processes().size(); ++i) {
        const auto& x = a.processes()[i];
        const auto& y = b.processes()[i];
        INFO("process " << x.name);
        CHECK(y.name == x.name);
        CHECK(y.pid == x.pid);
        CHECK(y.exitcode == x.exitcode);
        CHECK(b.slices(static_cast<int>(i)).size() == a.slices(static_cast<int>(i)).size());
    }
    REQUIRE(b.objects().size() == a.objects().size());
    for (std::uint16_t o = 0; o < a.objects().size(); ++o) {
        INFO("object " << a.objects()[o].name);
        CHECK(b.objects()[o].name == a.objects()[o].name);
        CHECK(b.counter(o).size() == a.counter(o).size());
    }
    const auto instants = [](const TraceData& t) {
        std::map<std::string, int> n;
        for (const auto& e : t.events())
            if (e.phase == Phase::Done || e.phase == Phase::Failed)
                ++n[std::string(mpviz::trace::opName(e.op)) + "/" +
                    std::string(mpviz::trace::phaseName(e.phase))];
        return n;
    };
    CHECK(instants(b) == instants(a));
    CHECK(b.messages().size() == a.messages().size());
    CHECK(b.firstTs() == a.firstTs());
}
