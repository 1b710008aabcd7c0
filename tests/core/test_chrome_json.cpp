// Chrome trace JSON: the fields DESIGN.md promises, an exact round trip, clear errors.

#include "test_trace_compare.hpp"
#include "test_trace_helpers.hpp"
#include "trace/chrome_json.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

using namespace mpviz::trace;
using namespace mpviz::trace::testing;
namespace json = boost::json;

namespace {

// A deadlocked run touching every kind of object: main starts two workers, they fight
// over a lock, pass items, and a third process is still alive when the trace is cut.
TraceData sampleTrace() {
    TraceScript s;
    const auto lock = s.object("lock", ObjectKind::Lock);
    const auto sem = s.object("sem", ObjectKind::Semaphore, 2);
    const auto flag = s.object("event", ObjectKind::Event);
    const auto queue = s.object("queue", ObjectKind::JoinableQueue, 4);
    const auto pipe = s.object("pipe", ObjectKind::Pipe, 65536);
    const auto value = s.object("counter", ObjectKind::Value);
    const auto array = s.object("arr", ObjectKind::Array, 3);
    const auto pool = s.object("pool", ObjectKind::Pool, 2);
    const std::int64_t t0 = 5'000'000'000;

    const int main = s.process("MainProcess", 4000, t0, 1);
    s.event(main, t0 + 1000, Op::Start, Phase::Done, kNoObject, 4001, "Process-1");
    s.event(main, t0 + 1500, Op::Start, Phase::Done, kNoObject, 4002, "Process-2");
    const int w1 = s.process("Process-1", 4001, t0 + 1200, 4000);
    const int w2 = s.process("Process-2", 4002, t0 + 1700, 4000);

    s.event(w1, t0 + 2000, Op::Acquire, Phase::Intent, lock);
    s.event(w1, t0 + 2001, Op::Acquire, Phase::Done, lock, 0, "owner died");
    s.blocked(w2, t0 + 2100, t0 + 3000, Op::Acquire, lock, 0);
    s.event(w1, t0 + 2999, Op::Release, Phase::Done, lock, 1);
    s.event(w1, t0 + 3100, Op::Acquire, Phase::Done, sem, 1);
    s.event(w2, t0 + 3200, Op::Acquire, Phase::Failed, sem, 0);
    s.event(w1, t0 + 3300, Op::Release, Phase::Done, sem, 2);
    s.event(w1, t0 + 3400, Op::Print, Phase::Done, kNoObject, 0,
            "say \"hi\"\\ \n\t\x01 caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80");
    s.event(w1, t0 + 3450, Op::Print, Phase::Done, kNoObject, 0, "");
    s.blocked(w2, t0 + 3500, t0 + 3600, Op::Wait, flag, 1);
    s.event(main, t0 + 3550, Op::Set, Phase::Done, flag, 1);
    s.event(main, t0 + 3650, Op::Clear, Phase::Done, flag);
    s.event(w2, t0 + 3700, Op::Wait, Phase::Blocked, flag, 0, {}, 1);
    s.event(w2, t0 + 3800, Op::Wait, Phase::Done, flag, 0);
    s.event(w1, t0 + 4000, Op::Put, Phase::Done, queue, 1, "'job 1'");
    s.blocked(w2, t0 + 3900, t0 + 4100, Op::Get, queue, 0, "'job 1'");
    s.event(w2, t0 + 4150, Op::TaskDone, Phase::Done, queue, 0);
    s.event(w1, t0 + 4200, Op::Send, Phase::Done, pipe, 12, "[1, 2]", 0);
    s.blocked(w2, t0 + 4190, t0 + 4300, Op::Recv, pipe, 0, "[1, 2]", 1);
    s.event(w1, t0 + 4400, Op::Write, Phase::Done, value, -17);
    s.event(w2, t0 + 4500, Op::Read, Phase::Done, value, -17);
    s.event(w1, t0 + 4600, Op::Write, Phase::Done, array, 9, {}, 0);
    s.event(w1, t0 + 4700, Op::Read, Phase::Done, array, 9, {}, 2);
    s.event(main, t0 + 4800, Op::Submit, Phase::Done, pool, 3, "square(3)");
    s.event(w1, t0 + 4900, Op::TaskStart, Phase::Done, pool, 3, "square(3)");
    s.event(w1, t0 + 4950, Op::TaskEnd, Phase::Done, pool, 3, "9");
    s.event(w2, t0 + 5000, Op::Sleep, Phase::Begin, kNoObject, 1'000'000);
    s.event(w2, t0 + 1'005'000, Op::Sleep, Phase::Done, kNoObject, 1'000'000);
    s.event(w1, t0 + 5100, Op::Exit, Phase::Done, kNoObject, 0);
    s.trace.setProcessEnd(w1, t0 + 5200, 0);
    s.blocked(main, t0 + 5000, t0 + 5300, Op::Join, kNoObject, 4001, "Process-1");
    s.event(main, t0 + 1'006'000, Op::Terminate, Phase::Done, kNoObject, 4002, "Process-2");
    s.event(main, t0 + 1'006'500, Op::Join, Phase::Blocked, kNoObject, 4002, "Process-2");
    s.event(w2, t0 + 1'006'100, Op::Acquire, Phase::Blocked, lock);
    s.trace.setProcessEnd(w2, t0 + 1'007'000, -15);
    s.event(main, t0 + 1'007'100, Op::Join, Phase::Done, kNoObject, 4002, "Process-2", -15);
    const int late = s.process("late-one", 4003, t0 + 1'008'000, 4000);
    s.event(late, t0 + 1'008'500, Op::Get, Phase::Blocked, queue);
    s.event(main, t0 + 1'009'000, Op::Get, Phase::Blocked, queue);

    DeadlockReport report;
    report.ts = t0 + 1'010'000;
    report.cycle = {main, late};
    report.edges = {DeadlockEdge{main, late, Op::Get, queue}, DeadlockEdge{late, main, Op::Join}};
    s.trace.setDeadlock(report);
    s.trace.setOutcome(Outcome::Deadlock);
    s.trace.scenario = "everything";
    s.trace.params = {{"workers", "2"}, {"label", "a \"quoted\" value"}};
    s.trace.speed = 2.5;
    return std::move(s.trace);
}

json::object parse(const std::string& text) {
    return json::parse(text).as_object();
}

std::vector<json::object> eventsNamed(const json::object& root, std::string_view ph,
                                      std::string_view name = {}) {
    std::vector<json::object> out;
    for (const auto& v : root.at("traceEvents").as_array()) {
        const auto& e = v.as_object();
        if (e.at("ph").as_string() != ph) continue;
        if (!name.empty() && e.at("name").as_string() != name) continue;
        out.push_back(e);
    }
    return out;
}

// Done and Failed events in (ts, seq) order: what the file records of operations.
std::string instantsOf(const TraceData& t) {
    std::vector<Event> events(t.events().begin(), t.events().end());
    std::stable_sort(events.begin(), events.end(), happensBefore);
    std::string out;
    for (const auto& e : events) {
        if (e.phase != Phase::Done && e.phase != Phase::Failed) continue;
        out += std::to_string(e.ts) + " " + std::string(opName(e.op)) + " " +
               std::string(phaseName(e.phase)) + " p" + std::to_string(e.process) + " o" +
               std::to_string(e.object) + " v" + std::to_string(e.value) + " x" +
               std::to_string(e.extra) + " [" + std::string(t.text(e.text)) + "]\n";
    }
    return out;
}

// The Blocked and sleep Begin events, which the file keeps in the slices they opened. Their
// order among other processes' events at the same nanosecond is not kept: sort by process.
std::string openingsOf(const TraceData& t) {
    std::vector<std::string> lines;
    for (const auto& e : t.events()) {
        if (e.phase != Phase::Blocked && e.phase != Phase::Begin) continue;
        lines.push_back(std::to_string(e.ts) + " p" + std::to_string(e.process) + " " +
                        std::string(opName(e.op)) + " " + std::string(phaseName(e.phase)) + " o" +
                        std::to_string(e.object) + " v" + std::to_string(e.value) + " x" +
                        std::to_string(e.extra) + " [" + std::string(t.text(e.text)) + "]");
    }
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& line : lines)
        out += line + "\n";
    return out;
}

void requireSameModel(const TraceData& a, const TraceData& b) {
    requireSameProcesses(a, b);
    requireSameObjects(a, b);
    CHECK(instantsOf(a) == instantsOf(b));
    CHECK(openingsOf(a) == openingsOf(b));
    REQUIRE(a.deadlock().has_value() == b.deadlock().has_value());
    if (a.deadlock()) {
        CHECK(a.deadlock()->ts == b.deadlock()->ts);
        CHECK(a.deadlock()->cycle == b.deadlock()->cycle);
        REQUIRE(a.deadlock()->edges.size() == b.deadlock()->edges.size());
        for (std::size_t i = 0; i < a.deadlock()->edges.size(); ++i) {
            CHECK(a.deadlock()->edges[i].from == b.deadlock()->edges[i].from);
            CHECK(a.deadlock()->edges[i].to == b.deadlock()->edges[i].to);
            CHECK(a.deadlock()->edges[i].op == b.deadlock()->edges[i].op);
            CHECK(a.deadlock()->edges[i].object == b.deadlock()->edges[i].object);
        }
    }
    CHECK(a.outcome() == b.outcome());
    CHECK(a.scenario == b.scenario);
    CHECK(a.params == b.params);
    CHECK(a.speed == b.speed);
    CHECK(a.firstTs() == b.firstTs());
    CHECK(a.lastTs() == b.lastTs());
}

std::string errorOf(const std::string& text) {
    try {
        fromChromeJson(text);
    } catch (const TraceFormatError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("the JSON has the fields DESIGN.md promises", "[json]") {
    const TraceData trace = sampleTrace();
    const std::string text = toChromeJson(trace, "0.1.0");
    const json::object root = parse(text);

    const auto& other = root.at("otherData").as_object();
    CHECK(other.at("scenario").as_string() == "everything");
    CHECK(other.at("params").as_object().at("workers").as_string() == "2");
    CHECK(other.at("mpviz").as_string() == "0.1.0");
    CHECK(other.at("outcome").as_string() == "deadlock");
    CHECK(other.at("speed").to_number<double>() == 2.5);

    std::set<std::string> names;
    for (const auto& e : eventsNamed(root, "M", "process_name")) {
        CHECK(e.at("pid") == e.at("tid"));
        names.emplace(e.at("args").as_object().at("name").as_string());
    }
    CHECK(names == std::set<std::string>{"MainProcess", "Process-1", "Process-2", "late-one"});

    const auto slices = eventsNamed(root, "X");
    REQUIRE_FALSE(slices.empty());
    bool sawJoin = false;
    for (const auto& e : slices) {
        const std::string name(e.at("name").as_string());
        CHECK((name == "running" || name == "sleeping" || name == "blocked"));
        CHECK(e.at("dur").to_number<double>() >= 0);
        if (name != "blocked") continue;
        const auto& args = e.at("args").as_object();
        CHECK(args.contains("op"));
        CHECK(args.contains("object"));
        if (args.at("op").as_string() == "join" && args.at("object").as_string() == "Process-1")
            sawJoin = true;
    }
    CHECK(sawJoin);

    const auto instants = eventsNamed(root, "i");
    for (const auto& e : instants) {
        if (e.at("name").as_string() == "deadlock") continue;
        CHECK(e.at("s").as_string() == "t");
        CHECK(e.at("pid") == e.at("tid"));
    }
    const auto argsOf = [&](std::string_view name, std::size_t n = 0) {
        return eventsNamed(root, "i", name).at(n).at("args").as_object();
    };
    CHECK(argsOf("acquire").at("object").as_string() == "lock");
    CHECK(argsOf("acquire").at("value").as_int64() == 0);
    CHECK(argsOf("acquire", 3).at("failed").as_bool());
    CHECK(argsOf("release").at("value").as_int64() == 1);
    CHECK(argsOf("wait").at("result").as_bool() == true);
    CHECK(argsOf("wait", 1).at("result").as_bool() == false);
    CHECK(argsOf("put").at("item").as_string() == "'job 1'");
    CHECK(argsOf("get").at("item").as_string() == "'job 1'");
    CHECK(argsOf("send").at("item").as_string() == "[1, 2]");
    CHECK(argsOf("recv").at("object").as_string() == "pipe");
    CHECK(argsOf("submit").at("task").as_int64() == 3);
    CHECK(argsOf("task_end").at("result").as_string() == "9");
    CHECK(argsOf("write").at("value").as_int64() == -17);
    CHECK(argsOf("read", 1).at("index").as_int64() == 2);
    CHECK(argsOf("start").at("child").as_int64() == 4001);
    CHECK(argsOf("start").at("object").as_string() == "Process-1");
    CHECK(argsOf("exit").at("exitcode").as_int64() == 0);
    CHECK(argsOf("exit").at("signal").is_null());
    CHECK(argsOf("join", 1).at("exitcode").as_int64() == -15);
    CHECK(argsOf("join", 1).at("signal").as_int64() == 15);
    CHECK(argsOf("terminate").at("child").as_int64() == 4002);
    CHECK(argsOf("print").at("text").as_string() ==
          "say \"hi\"\\ \n\t\x01 caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80");

    const auto counters = eventsNamed(root, "C", "sem");
    REQUIRE(counters.size() == 2); // the failed acquire changed nothing
    CHECK(counters[0].at("args").as_object().at("value").as_int64() == 1);

    const auto deadlock = eventsNamed(root, "i", "deadlock");
    REQUIRE(deadlock.size() == 1);
    CHECK(deadlock[0].at("s").as_string() == "g");
    const auto& dargs = deadlock[0].at("args").as_object();
    CHECK(dargs.at("cycle").as_array() == json::array{4000, 4003});
    const auto& edge = dargs.at("edges").as_array().at(0).as_object();
    CHECK(edge.at("from").as_int64() == 4000);
    CHECK(edge.at("to").as_int64() == 4003);
    CHECK(edge.at("op").as_string() == "get");
    CHECK(edge.at("object").as_string() == "queue");
}

TEST_CASE("timestamps are microseconds from the first, with nanosecond decimals", "[json]") {
    const std::string text = toChromeJson(sampleTrace(), "0.1.0");
    CHECK(text.find("\"name\":\"running\",\"ph\":\"X\",\"pid\":4000,\"tid\":4000,\"ts\":0.000,"
                    "\"dur\":5.000") != std::string::npos);
    CHECK(text.find("\"ts\":2.001,") != std::string::npos); // the acquire at t0 + 2001 ns
    CHECK(text.find("\"ts\":1005.000,") != std::string::npos);
}

TEST_CASE("export, import, export gives the same JSON and the same model", "[json]") {
    const TraceData original = sampleTrace();
    const std::string first = toChromeJson(original, "0.1.0");
    const TraceData imported = fromChromeJson(first);
    requireSameModel(original, imported);
    CHECK(toChromeJson(imported, "0.1.0") == first);
    // The late process is still blocked: its last slice stays open after the import.
    CHECK(imported.slices(3).back().end == Slice::kOpen);
    CHECK(imported.stateAt(3, imported.lastTs() + 1000) == State::Blocked);
    // What the views derive works on an imported trace too.
    CHECK_FALSE(imported.messages().empty());
}

TEST_CASE("an empty trace round-trips", "[json]") {
    TraceData empty;
    const std::string text = toChromeJson(empty, "0.1.0");
    const TraceData back = fromChromeJson(text);
    CHECK(back.processes().empty());
    CHECK(toChromeJson(back, "0.1.0") == text);
}

TEST_CASE("invalid UTF-8 in printed text is replaced, not passed on", "[json]") {
    TraceScript s;
    const int p = s.process("P", 1, 0);
    s.event(p, 1, Op::Print, Phase::Done, kNoObject, 0, "bad \xff\xc3 end");
    const std::string text = toChromeJson(s.trace, "0.1.0");
    const TraceData back = fromChromeJson(text); // Boost.JSON rejects invalid UTF-8
    CHECK(back.text(back.events()[0].text) == "bad \xef\xbf\xbd\xef\xbf\xbd end");
}

// The name itself is part of the test: CTest must register it as one entry that runs it.
TEST_CASE("printed [brackets], commas, semicolons; and a \\ backslash come back unchanged",
          "[json]") {
    const std::string printed = "C:\\runs\\[t0, t1); done";
    TraceScript s;
    const int p = s.process("P", 1, 0);
    s.event(p, 1, Op::Print, Phase::Done, kNoObject, 0, printed);
    const TraceData back = fromChromeJson(toChromeJson(s.trace, "0.1.0"));
    REQUIRE(back.events().size() == 1);
    CHECK(back.text(back.events()[0].text) == printed);
}

TEST_CASE("save and load through a file", "[json]") {
    const auto file = std::filesystem::temp_directory_path() / "mpviz_test_trace.json";
    const TraceData original = sampleTrace();
    saveChromeJson(original, file, "0.1.0");
    const TraceData loaded = loadChromeJson(file);
    requireSameModel(original, loaded);
    std::filesystem::remove(file);
    CHECK_THROWS_WITH(loadChromeJson(file), Catch::Contains("cannot open"));
}

TEST_CASE("a hand-made trace with only the documented fields imports", "[json]") {
    const std::string text = R"({"traceEvents": [
        {"name": "process_name", "ph": "M", "pid": 10, "tid": 10, "args": {"name": "MainProcess"}},
        {"name": "process_name", "ph": "M", "pid": 11, "tid": 11, "args": {"name": "Process-1"}},
        {"name": "running", "ph": "X", "pid": 10, "tid": 10, "ts": 0, "dur": 5},
        {"name": "blocked", "ph": "X", "pid": 10, "tid": 10, "ts": 5, "dur": 10,
         "args": {"op": "join", "object": "Process-1"}},
        {"name": "running", "ph": "X", "pid": 11, "tid": 11, "ts": 1, "dur": 2.5},
        {"name": "blocked", "ph": "X", "pid": 11, "tid": 11, "ts": 3.5, "dur": 4,
         "args": {"op": "get", "object": "queue"}},
        {"name": "put", "ph": "i", "s": "t", "pid": 10, "tid": 10, "ts": 4, "args": {"object": "queue", "item": 42, "length": 1}},
        {"name": "get", "ph": "i", "s": "t", "pid": 11, "tid": 11, "ts": 7.5, "args": {"object": "queue", "item": "42", "length": 0}},
        {"name": "exit", "ph": "i", "s": "t", "pid": 11, "tid": 11, "ts": 12, "args": {"exitcode": 0, "signal": null}},
        {"name": "join", "ph": "i", "s": "t", "pid": 10, "tid": 10, "ts": 15, "args": {"object": "Process-1", "exitcode": 0}},
        {"name": "queue", "ph": "C", "pid": 10, "ts": 4, "args": {"value": 1}},
        {"name": "queue", "ph": "C", "pid": 10, "ts": 7.5, "args": {"value": 0}}
    ], "otherData": {"scenario": "queue", "params": {"n": 1}, "mpviz": "0.1.0", "outcome": "completed"}})";
    const TraceData t = fromChromeJson(text);
    REQUIRE(t.processes().size() == 2);
    CHECK(t.processes()[0].name == "MainProcess");
    CHECK(t.processes()[1].name == "Process-1");
    CHECK(t.processes()[1].startTs == 1000);
    CHECK(t.processes()[1].exitcode == 0);
    CHECK(t.params.at("n") == "1");
    CHECK(t.outcome() == Outcome::Completed);
    const auto queue = t.objectByName("queue");
    REQUIRE(queue.has_value());
    CHECK(t.objects()[*queue].kind == ObjectKind::Queue);
    CHECK(t.stateAt(0, 6000) == State::Blocked);
    CHECK(t.sliceAt(0, 6000)->peer == 1);
    CHECK(t.stateAt(1, 5000) == State::Blocked);
    CHECK(t.sliceAt(1, 5000)->object == *queue);
    CHECK(t.valueAt(*queue, 5000) == 1);
    // The four operations, and the two blocked calls the slices state.
    CHECK(t.events().size() == 6);
    const auto find = [&](Op op, Phase phase) -> const Event& {
        const auto events = t.events();
        const auto it = std::find_if(events.begin(), events.end(), [&](const Event& e) {
            return e.op == op && e.phase == phase;
        });
        REQUIRE(it != events.end());
        return *it;
    };
    CHECK(t.text(find(Op::Put, Phase::Done).text) == "42");
    CHECK(t.processes()[1].parent == 0);            // guessed from the join
    CHECK(find(Op::Join, Phase::Done).value == 11); // the join names its child by name only
    CHECK(find(Op::Join, Phase::Blocked).value == 11);
    CHECK(t.text(find(Op::Join, Phase::Blocked).text) == "Process-1");
    CHECK(find(Op::Get, Phase::Blocked).object == *queue);
    CHECK(t.messages().size() == 2); // the item, and exit → join
}

TEST_CASE("bad input is refused with a message that says what and where", "[json]") {
    CHECK_THAT(errorOf("{\"traceEvents\": [}"),
               Catch::Contains("not valid JSON") && Catch::Contains("line 1"));
    CHECK_THAT(errorOf("{\"traceEvents\": []"), Catch::Contains("not valid JSON"));
    CHECK_THAT(errorOf("{}"), Catch::Contains("missing \"traceEvents\""));
    CHECK_THAT(errorOf("42"), Catch::Contains("traceEvents"));
    CHECK_THAT(errorOf(R"({"traceEvents": {}})"), Catch::Contains("must be an array"));
    CHECK_THAT(errorOf(R"({"traceEvents": [{"ph": "i", "pid": 1, "ts": 0, "name": "acquir"}]})"),
               Catch::Contains("traceEvents[0]") && Catch::Contains("unknown op \"acquir\""));
    CHECK_THAT(errorOf(R"({"traceEvents": [1]})"),
               Catch::Contains("traceEvents[0]") && Catch::Contains("expected an object"));
    CHECK_THAT(errorOf(R"({"traceEvents": [{"ph": "B", "pid": 1, "ts": 0, "name": "x"}]})"),
               Catch::Contains("unsupported phase \"B\""));
    CHECK_THAT(
        errorOf(
            R"({"traceEvents": [{"ph": "X", "pid": 1, "ts": "soon", "dur": 1, "name": "running"}]})"),
        Catch::Contains("\"ts\" must be a number"));
    CHECK_THAT(errorOf(R"({"traceEvents": [{"ph": "X", "pid": 1, "dur": 1, "name": "running"}]})"),
               Catch::Contains("traceEvents[0]") && Catch::Contains("missing \"ts\""));
    CHECK_THAT(
        errorOf(
            R"({"traceEvents": [{"ph": "X", "pid": 1, "ts": 0, "dur": 1, "name": "dancing"}]})"),
        Catch::Contains("unknown state \"dancing\""));
    CHECK_THAT(errorOf(R"({"traceEvents": [], "otherData": {"outcome": "exploded"}})"),
               Catch::Contains("otherData.outcome") && Catch::Contains("exploded"));
    CHECK_THAT(
        errorOf(
            R"({"traceEvents": [], "otherData": {"objects": [{"name": "x", "kind": "mutex"}]}})"),
        Catch::Contains("otherData.objects[0]") && Catch::Contains("unknown object kind"));
    CHECK_THAT(
        errorOf(R"({"traceEvents": [{"ph": "i", "s": "g", "pid": 1, "ts": 0, "name": "deadlock",
                 "args": {"cycle": [1, 99]}}]})"),
        Catch::Contains("cycle[1]") && Catch::Contains("unknown pid 99"));
    CHECK_THAT(errorOf(R"({"traceEvents": [{"ph": "i", "pid": 1, "ts": 0, "name": "put",
                 "args": {"object": "q", "length": "two"}}]})"),
               Catch::Contains("traceEvents[0].args") &&
                   Catch::Contains("\"length\" must be an integer"));
}

// Found by the fuzzers: times like these made traces whose saved file did not read back.
TEST_CASE("a time before the trace's start or more than 100 days after it is refused", "[json]") {
    const auto running = [](const std::string& ts, const std::string& dur) {
        return R"({"traceEvents": [{"ph": "X", "pid": 1, "name": "running", "ts": )" + ts +
               R"(, "dur": )" + dur + "}]}";
    };
    CHECK_NOTHROW(fromChromeJson(running("4000000000000", "4640000000000")));
    CHECK_THAT(errorOf(running("-1", "1")),
               Catch::Contains("traceEvents[0]") && Catch::Contains("\"ts\" is negative"));
    CHECK_THAT(errorOf(running("0", "-1")), Catch::Contains("\"dur\" is negative"));
    CHECK_THAT(errorOf(running("8640000000000.001", "1")),
               Catch::Contains("\"ts\" is more than 100 days"));
    CHECK_THAT(errorOf(running("8000000000000", "640000000000.001")),
               Catch::Contains("ends more than 100 days after the trace's start"));
    CHECK_THAT(errorOf(R"({"traceEvents": [], "otherData": {"t0_ns": -5}})"),
               Catch::Contains("otherData.t0_ns") && Catch::Contains("out of range"));
    CHECK_THAT(errorOf(R"({"traceEvents": [], "otherData": {"t0_ns": 500, "t1_ns": 499}})"),
               Catch::Contains("otherData.t1_ns") && Catch::Contains("before t0_ns"));
    CHECK_THAT(errorOf(R"({"traceEvents": [], "otherData": {"processes": [
                 {"pid": 7, "start": 9100000000000}]}})"),
               Catch::Contains("otherData.processes[0]") &&
                   Catch::Contains("\"start\" is more than 100 days"));
}

// Found by the JSON fuzzer: a file with t0_ns and neither events nor t1_ns was read as ending
// at 0, before it starts; saved, its t1_ns lay before its t0_ns and it did not reopen. The
// importer owns the rule (a trace never ends before it starts) and the exporter follows it.
TEST_CASE("a trace never ends before it starts, and one without t1_ns ends at its last time",
          "[json]") {
    const auto reopened = [](const TraceData& t) {
        const TraceData back = fromChromeJson(toChromeJson(t, "0.1.0"));
        CHECK(back.firstTs() == t.firstTs());
        CHECK(back.lastTs() == t.lastTs());
    };
    // No events and no t1_ns: it ends where it starts.
    const TraceData empty = fromChromeJson(R"({"traceEvents": [],
        "otherData": {"t0_ns": 714992269385, "tz_ns": 715144898414}})");
    CHECK(empty.firstTs() == 714992269385);
    CHECK(empty.lastTs() == 714992269385);
    reopened(empty);
    // Events and no t1_ns: it ends at the last one.
    const TraceData running = fromChromeJson(R"({"traceEvents": [
        {"ph": "X", "pid": 1, "name": "running", "ts": 3, "dur": 4}],
        "otherData": {"t0_ns": 1000}})");
    CHECK(running.firstTs() == 1000);
    CHECK(running.lastTs() == 8000);
    reopened(running);
    // A t1_ns before the start is refused, whether the start is t0_ns or the first event.
    CHECK_THAT(errorOf(R"({"traceEvents": [], "otherData": {"t0_ns": 500, "t1_ns": 499}})"),
               Catch::Contains("otherData.t1_ns") && Catch::Contains("before t0_ns"));
    CHECK_THAT(errorOf(R"({"traceEvents": [{"ph": "X", "pid": 1, "name": "running", "ts": 3,
                 "dur": 4}], "otherData": {"t1_ns": 2999}})"),
               Catch::Contains("otherData.t1_ns") &&
                   Catch::Contains("before the trace's first event"));
    const TraceData ends = fromChromeJson(R"({"traceEvents": [{"ph": "X", "pid": 1,
        "name": "running", "ts": 3, "dur": 4}], "otherData": {"t1_ns": 9000}})");
    CHECK(ends.firstTs() == 3000);
    CHECK(ends.lastTs() == 9000);
    reopened(ends);
}

// Found by the wire fuzzer, which had let a value type byte 0xff into a trace: the file's
// "value_type" is one printable ASCII typecode (the rule the wire decoder shares), and
// every one of them saves and reads back.
TEST_CASE("an object's value_type is one printable ASCII typecode", "[json]") {
    for (int byte = 1; byte < 256; ++byte) {
        const auto type = static_cast<char>(byte);
        if (!isValueTypeCode(type)) continue;
        CAPTURE(byte);
        TraceData t;
        t.addObject(ObjectInfo{"balance", ObjectKind::Value, 0, type});
        const TraceData back = fromChromeJson(toChromeJson(t, "0.1.0"));
        REQUIRE(back.objects().size() == 1);
        CHECK(back.objects()[0].valueType == type);
    }
    const auto withType = [](const std::string& type) {
        return R"({"traceEvents": [], "otherData": {"objects": [
            {"name": "balance", "kind": "value", "value_type": )" +
               type + "}]}}";
    };
    CHECK(fromChromeJson(withType(R"("d")")).objects()[0].valueType == 'd');
    for (const std::string bad : {R"("\u00ff")", R"("\ufffd")", R"("\u0001")", R"(" ")",
                                  R"("\u007f")", R"("")", R"("id")"}) {
        CAPTURE(bad);
        CHECK_THAT(errorOf(withType(bad)), Catch::Contains("otherData.objects[0]") &&
                                               Catch::Contains("one typecode character"));
    }
    // A capacity below 0 (a Python Queue(maxsize=-1) is unbounded) reads back as it was.
    TraceData negative;
    negative.addObject(ObjectInfo{"lock_b", ObjectKind::Lock, -255, kNoValueType});
    CHECK(fromChromeJson(toChromeJson(negative, "0.1.0")).objects()[0].capacity == -255);
}

// Found by the wire fuzzer: past 2^41 µs (25 days) µs × 1000 rounded can miss the nanosecond
// a time was written as by one, and a slice then overlapped the one that began where it ended.
TEST_CASE("every time up to 100 days after the start reads back to the nanosecond", "[json]") {
    const auto micros = [](std::int64_t ns) {
        char text[40];
        std::snprintf(text, sizeof text, "%lld.%03lld", static_cast<long long>(ns / 1000),
                      static_cast<long long>(ns % 1000));
        return std::string(text);
    };
    std::mt19937_64 rng(20261130);
    for (int i = 0; i < 20000; ++i) {
        // The fuzzer's times, the last nanoseconds allowed, then anywhere up to them.
        std::int64_t end = 4502887992527890;
        std::int64_t begin = 1339863;
        if (i == 1) begin = 1, end = kMaxTraceSpanNs - 1;
        if (i >= 2) { // 0 < begin < end < kMaxTraceSpanNs: no slice is empty
            end = 2 + static_cast<std::int64_t>(rng() % (kMaxTraceSpanNs - 2));
            begin = 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(end - 1));
        }
        CAPTURE(begin, end);
        const TraceData t = fromChromeJson(
            R"({"traceEvents": [{"ph": "X", "pid": 1, "name": "running", "ts": 0, "dur": )" +
            micros(begin) + R"(}, {"ph": "X", "pid": 1, "name": "sleeping", "ts": )" +
            micros(begin) + R"(, "dur": )" + micros(end - begin) + R"(}, {"ph": "i", "pid": 1,
            "name": "sleep", "ts": )" +
            micros(end) + R"(}, {"ph": "X", "pid": 1, "name": "running", "ts": )" + micros(end) +
            R"(, "dur": 0.001}]})");
        const auto slices = t.slices(0);
        REQUIRE(slices.size() == 3);
        CHECK(slices[0].end == begin);
        CHECK(slices[1].begin == begin);
        CHECK(slices[1].end == end);
        CHECK(slices[2].begin == end);
    }
}

// Found by the JSON fuzzer: a file without t0_ns whose first counter sample came before its
// first event started at that event; the sample was saved at a negative time. A counter is
// what its object's operations did, so the trace derives it from those, as in a run; the
// file's samples are there for Perfetto and move nothing.
TEST_CASE("a trace's counters come from its operations, not from the file's samples", "[json]") {
    const TraceData t = fromChromeJson(R"({"traceEvents": [
        {"ph": "i", "pid": 1, "ts": 100, "name": "release", "args": {"object": "sem", "value": 3}},
        {"ph": "C", "pid": 1, "ts": 10, "name": "sem", "args": {"value": 7}},
        {"ph": "i", "pid": 1, "ts": 300, "name": "acquire", "args": {"object": "sem", "value": 2}},
        {"ph": "C", "pid": 1, "ts": 300, "name": "sem", "args": {"value": 2}}]})");
    CHECK(t.firstTs() == 100'000);
    CHECK(t.lastTs() == 300'000);
    const auto samplesOf = [](const TraceData& trace) {
        std::vector<std::pair<std::int64_t, std::int64_t>> out;
        const auto sem = trace.objectByName("sem");
        REQUIRE(sem);
        for (const CounterSample& sample : trace.counter(*sem))
            out.emplace_back(sample.ts, sample.value);
        return out;
    };
    const std::vector<std::pair<std::int64_t, std::int64_t>> fromOperations{{100'000, 3},
                                                                            {300'000, 2}};
    CHECK(samplesOf(t) == fromOperations);
    const std::string saved = toChromeJson(t, "0.1.0");
    CHECK(eventsNamed(parse(saved), "C").size() == 2);
    const TraceData back = fromChromeJson(saved);
    CHECK(back.firstTs() == 100'000);
    CHECK(samplesOf(back) == fromOperations);
}

TEST_CASE("a listed process that no event mentions starts at the trace's start", "[json]") {
    const TraceData t = fromChromeJson(R"({"traceEvents": [
        {"name": "process_name", "ph": "M", "pid": 7, "args": {"name": "Process-1"}}],
        "otherData": {"t0_ns": 4000, "processes": [{"pid": 7, "name": "Process-1"}]}})");
    REQUIRE(t.processes().size() == 1);
    CHECK(t.processes()[0].startTs == 4000);
    CHECK(t.firstTs() == 4000);
    const TraceData again = fromChromeJson(toChromeJson(t, "0.1.0"));
    CHECK(again.processes()[0].startTs == 4000);
}

TEST_CASE("a cut-off or corrupted file never gets past the importer", "[json]") {
    const std::string text = toChromeJson(sampleTrace(), "0.1.0");
    for (std::size_t length = 0; length < text.size(); length += 97)
        CHECK_THROWS_AS(fromChromeJson(std::string_view(text).substr(0, length)), TraceFormatError);
    // Swap each kind of value for a wrong one and expect a refusal or a clean import.
    for (const auto& [from, to] :
         std::vector<std::pair<std::string, std::string>>{{"\"ts\":", "\"ts\":\"x\",\"was\":"},
                                                          {"\"pid\":", "\"pid\":-1e30,\"was\":"},
                                                          {"\"args\":{", "\"args\":7,\"was\":{"},
                                                          {"\"args\":{", "\"args\":[{"},
                                                          {"\"name\":\"blocked\"", "\"name\":7"},
                                                          {"\"ph\":\"i\"", "\"ph\":null"}}) {
        std::string broken = text;
        for (std::size_t at = broken.find(from); at != std::string::npos;
             at = broken.find(from, at + to.size() + 1)) {
            std::string once = broken;
            once.replace(at, from.size(), to);
            try {
                fromChromeJson(once);
            } catch (const TraceFormatError&) {
            }
            if (at > 20000) break; // the first few hundred places are enough
        }
    }
}
