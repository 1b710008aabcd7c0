// Every process that ended has its `exit` event, also one killed by a signal that could
// send none itself; the trace file carries it with the signal's number and name, and a
// file that only names the exit code in otherData gets it back on import.

#include "test_trace_helpers.hpp"
#include "trace/chrome_json.hpp"
#include "trace/exit_status.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <csignal>
#include <vector>

using namespace mpviz::trace;
using mpviz::trace::testing::TraceScript;

namespace {

std::vector<Event> exitsOf(const TraceData& t, int process) {
    std::vector<Event> out;
    for (auto index : t.processEvents(process))
        if (t.events()[index].op == Op::Exit && t.events()[index].phase == Phase::Done)
            out.push_back(t.events()[index]);
    return out;
}

// The args of every "exit" instant in a trace file, by the process's name.
std::map<std::string, boost::json::object> exitArgsByName(const std::string& json) {
    const auto doc = boost::json::parse(json).as_object();
    std::map<std::int64_t, std::string> names;
    for (const auto& v : doc.at("traceEvents").as_array()) {
        const auto& e = v.as_object();
        if (e.at("ph") == "M" && e.at("name") == "process_name")
            names[e.at("pid").as_int64()] = std::string(e.at("args").at("name").as_string());
    }
    std::map<std::string, boost::json::object> out;
    for (const auto& v : doc.at("traceEvents").as_array()) {
        const auto& e = v.as_object();
        if (e.at("ph") == "i" && e.at("name") == "exit")
            out[names[e.at("pid").as_int64()]] = e.at("args").as_object();
    }
    return out;
}

// MainProcess (pid 10) and its child Process-1 (pid 11, started at 5), which printed at 20.
struct MainAndWorkingChild {
    TraceScript s;
    const int main = s.process("MainProcess", 10, 0);
    const int child = s.process("Process-1", 11, 5, 10);
    MainAndWorkingChild() { s.event(child, 20, Op::Print, Phase::Done, kNoObject, 0, "working"); }
};

} // namespace

TEST_CASE("signal names come from one table", "[trace][exit]") {
    CHECK(signalName(SIGTERM) == "SIGTERM");
    CHECK(signalName(SIGKILL) == "SIGKILL");
    CHECK(signalName(SIGINT) == "SIGINT");
    CHECK(signalName(SIGRTMIN + 3).empty());
    CHECK(signalOfExitcode(-15) == 15);
    CHECK_FALSE(signalOfExitcode(0).has_value());
    CHECK_FALSE(signalOfExitcode(1).has_value());
}

TEST_CASE_METHOD(MainAndWorkingChild,
                 "a process killed by a signal gets its exit event when its end is known",
                 "[trace][exit]") {
    // Its connection closed: it ended, nobody knows how yet.
    s.trace.setProcessEnd(child, 30, std::nullopt);
    CHECK(exitsOf(s.trace, child).empty());
    // Its parent's join tells: SIGTERM.
    s.trace.setProcessEnd(child, 30, -SIGTERM);
    auto exits = exitsOf(s.trace, child);
    REQUIRE(exits.size() == 1);
    CHECK(exits[0].ts == 30);
    CHECK(exits[0].value == -SIGTERM);
    // The engine learns more later (it was SIGKILLed after all): one event, corrected.
    s.trace.setProcessEnd(child, 30, -SIGKILL);
    exits = exitsOf(s.trace, child);
    REQUIRE(exits.size() == 1);
    CHECK(exits[0].value == -SIGKILL);
    CHECK(s.trace.processes()[child].exitcode == -SIGKILL);
    // A process that sent its own exit keeps it, and gets no second one.
    s.event(main, 40, Op::Exit, Phase::Done, kNoObject, 0);
    s.trace.setProcessEnd(main, 41, 0);
    exits = exitsOf(s.trace, main);
    REQUIRE(exits.size() == 1);
    CHECK(exits[0].ts == 40);
}

TEST_CASE("a process that sent its exit and was killed before it was gone ended by the signal",
          "[trace][exit]") {
    // A daemon that ran to its end just as its program ended: it says exit 0, then the
    // SIGTERM that ends daemons reaches it before it is gone. Its parent learns -15.
    TraceScript s;
    s.process("MainProcess", 10, 0);
    const int daemon = s.process("daemon", 11, 5, 10);
    s.event(daemon, 40, Op::Exit, Phase::Done, kNoObject, 0);
    s.trace.setProcessEnd(daemon, 42, -SIGTERM);
    const auto exits = exitsOf(s.trace, daemon);
    REQUIRE(exits.size() == 1);
    CHECK(exits[0].ts == 40);
    CHECK(exits[0].value == -SIGTERM); // the event and the process say the same
    CHECK(s.trace.processes()[daemon].exitcode == -SIGTERM);
}

TEST_CASE("the exit event is never before the process's last event", "[trace][exit]") {
    TraceScript s;
    const int p = s.process("Process-1", 11, 0);
    s.event(p, 50, Op::Print, Phase::Done, kNoObject, 0, "late");
    s.trace.setProcessEnd(p, 40, -SIGKILL);
    const auto exits = exitsOf(s.trace, p);
    REQUIRE(exits.size() == 1);
    CHECK(exits[0].ts >= 50);
}

TEST_CASE("the trace file has an exit event with the signal's number and name",
          "[trace][exit][json]") {
    TraceScript s;
    const int main = s.process("MainProcess", 10, 0);
    const int daemon = s.process("daemon", 11, 5, 10);
    const int ok = s.process("Process-1", 12, 5, 10);
    s.event(ok, 20, Op::Exit, Phase::Done, kNoObject, 0);
    s.trace.setProcessEnd(ok, 21, 0);
    s.trace.setProcessEnd(daemon, 30, -SIGTERM);
    s.event(main, 40, Op::Exit, Phase::Done, kNoObject, 0);
    s.trace.setProcessEnd(main, 41, 0);

    const auto json = toChromeJson(s.trace, "test");
    auto exits = exitArgsByName(json);
    REQUIRE(exits.size() == 3);
    CHECK(exits["daemon"].at("exitcode") == -15);
    CHECK(exits["daemon"].at("signal") == 15);
    CHECK(exits["daemon"].at("signal_name") == "SIGTERM");
    CHECK(exits["Process-1"].at("exitcode") == 0);
    CHECK(exits["Process-1"].at("signal").is_null());
    CHECK_FALSE(exits["Process-1"].contains("signal_name"));

    // Read back, it is the same event, and the file written again is the same file.
    const auto back = fromChromeJson(json);
    const auto again = exitsOf(back, back.processIndexByPid(11));
    REQUIRE(again.size() == 1);
    CHECK(again[0].value == -SIGTERM);
    CHECK(toChromeJson(back, "test") == json);
}

TEST_CASE_METHOD(
    MainAndWorkingChild,
    "a file that names a killed process's exit code only in otherData gets its exit event",
    "[trace][exit][json]") {
    // As files written before every process had an exit event: the deadlocked ones were
    // SIGKILLed and only otherData.processes says so.
    auto json = boost::json::parse(toChromeJson(s.trace, "old"));
    auto& processes = json.at("otherData").at("processes").as_array();
    for (auto& p : processes) {
        p.as_object()["end"] = 30.0 / 1000;
        p.as_object()["exitcode"] = -9;
    }
    const auto imported = fromChromeJson(boost::json::serialize(json));
    for (int p : {main, child}) {
        INFO(imported.processes()[p].name);
        const auto exits = exitsOf(imported, p);
        REQUIRE(exits.size() == 1);
        CHECK(exits[0].value == -SIGKILL);
    }
    CHECK(exitArgsByName(toChromeJson(imported, "new"))["Process-1"].at("signal_name") ==
          "SIGKILL");
}
