// Python programs tell where each operation was done (thread, file, line) and what type a
// shared Value holds. The trace keeps both beside its 32-byte events, answers "which line is
// this process on at t", and carries them through a trace file and logical time.

#include "test_trace_helpers.hpp"
#include "trace/chrome_json.hpp"
#include "trace/logical_time.hpp"
#include "trace/shared_number.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

using namespace mpviz::trace;
using mpviz::trace::testing::TraceScript;
namespace json = boost::json;

namespace {

constexpr std::int64_t kT0 = 7'000'000'000;

struct PythonRun {
    TraceScript s;
    int main = 0;
    int worker = 0;
    std::uint16_t balance = 0;
    std::uint32_t shop = 0;

    void at(int process, std::int64_t ts, Op op, Phase phase, std::uint16_t object,
            std::int64_t value, SourceSpot where, std::string_view text = {}) {
        s.event(process, ts, op, phase, object, value, text, 0, where);
    }

    PythonRun() {
        balance = s.trace.addObject(ObjectInfo{"balance", ObjectKind::Value, 0, 'd'});
        main = s.process("MainProcess", 900, kT0, 1, {.runtime = Runtime::Python});
        worker = s.process("Process-1", 901, kT0 + 100, 900, {.runtime = Runtime::Python});
        shop = s.trace.intern("/home/ada/shop.py");

        at(main, kT0 + 50, Op::Start, Phase::Done, kNoObject, 901, {0, shop, 12}, "Process-1");
        at(worker, kT0 + 200, Op::Write, Phase::Done, balance, bitsFromDouble(3.14159265),
           {0, shop, 5}, "3.14159265");
        // A thread of the worker puts without a line the shim could name.
        at(worker, kT0 + 300, Op::Print, Phase::Done, kNoObject, 0, {1, kNoText, 0}, "tick");
        at(worker, kT0 + 400, Op::Sleep, Phase::Begin, kNoObject, 1000, {0, shop, 6});
        at(worker, kT0 + 1400, Op::Sleep, Phase::Done, kNoObject, 1000, {0, shop, 6});
        // A C++-style event that knows nothing of where it was done.
        at(main, kT0 + 1500, Op::Print, Phase::Done, kNoObject, 0, {}, "done");
        at(worker, kT0 + 1600, Op::Read, Phase::Done, balance, bitsFromDouble(3.14159265),
           {2, shop, 7}, "3.14159265");
    }
};

} // namespace

TEST_CASE("A shared Value's number reads by its type", "[trace][value]") {
    CHECK(sharedNumberText(42, kNoValueType) == "42");
    CHECK(sharedNumberText(-3, 'i') == "-3");
    CHECK(sharedNumberText(bitsFromDouble(3.14159265), 'd') == "3.1415927");
    CHECK(sharedNumberText(bitsFromDouble(2.0), 'd') == "2.0");
    CHECK(sharedNumberText(bitsFromDouble(0.1), 'f') == "0.1");
    CHECK(sharedNumberText(bitsFromDouble(-1e20), 'd') == "-1e+20");
    CHECK(sharedNumberText('a', 'c') == "b'a'");
    CHECK(sharedNumberText('\'', 'c') == "b'\\''");
    CHECK(sharedNumberText(0xe9, 'u') == "'\\xe9'");
    CHECK(sharedNumberText(-1, 'Q') == "18446744073709551615");
    CHECK(sharedNumberAsDouble(bitsFromDouble(2.5), 'd') == 2.5);
    CHECK(sharedNumberAsDouble(7, 'i') == 7.0);

    PythonRun run;
    CHECK(run.s.trace.numberText(run.balance, bitsFromDouble(3.14159265)) == "3.1415927");
}

TEST_CASE("Where each operation was done is kept beside its event", "[trace][source]") {
    PythonRun run;
    const auto& t = run.s.trace;
    REQUIRE(t.events().size() == 7);
    CHECK(t.sourceOf(0) == SourceSpot{0, run.shop, 12});
    CHECK(t.sourceOf(1) == SourceSpot{0, run.shop, 5});
    CHECK(t.sourceOf(2) == SourceSpot{1, kNoText, 0});
    CHECK_FALSE(t.sourceOf(5).known());
    CHECK(t.sourceOf(6) == SourceSpot{2, run.shop, 7});
    CHECK_FALSE(t.sourceOf(99).known());
    static_assert(sizeof(Event) == 32);
}

TEST_CASE("The last known source line of a process at time t", "[trace][source]") {
    PythonRun run;
    const auto& t = run.s.trace;
    const auto lineAt = [&](int process, std::int64_t ts) {
        const auto at = t.sourceLineAt(process, ts);
        return at ? static_cast<int>(at->line) : 0;
    };
    CHECK(lineAt(run.worker, kT0 + 150) == 0); // nothing done yet
    CHECK(lineAt(run.worker, kT0 + 200) == 5); // the write, at its own instant
    CHECK(lineAt(run.worker, kT0 + 350) == 5); // a thread's print names no line: still 5
    CHECK(lineAt(run.worker, kT0 + 900) == 6); // asleep in line 6
    CHECK(lineAt(run.worker, kT0 + 5000) == 7);
    CHECK(lineAt(run.main, kT0 + 1600) == 12); // its last event knows no line: the one before
    CHECK(t.text(t.sourceLineAt(run.main, kT0 + 60)->file) == "/home/ada/shop.py");
    CHECK_FALSE(t.sourceLineAt(-1, kT0).has_value());
    CHECK_FALSE(t.sourceLineAt(7, kT0).has_value());
}

TEST_CASE("A trace file keeps threads, files, lines, runtimes and a float Value's number",
          "[trace][source][json]") {
    PythonRun run;
    const auto text = toChromeJson(run.s.trace, "test");
    const auto root = json::parse(text).as_object();

    bool sawWrite = false, sawThreadPrint = false, sawPlainPrint = false, sawSleep = false;
    for (const auto& v : root.at("traceEvents").as_array()) {
        const auto& e = v.as_object();
        const auto* args = e.if_contains("args");
        if (!args) continue;
        const auto& a = args->as_object();
        if (e.at("name") == "write") {
            sawWrite = true;
            CHECK(a.at("value").as_double() == 3.14159265);
            CHECK(a.at("file") == "/home/ada/shop.py");
            CHECK(a.at("line").to_number<int>() == 5);
            CHECK_FALSE(a.contains("thread")); // the main thread is the default
        }
        if (e.at("name") == "print" && a.at("text") == "tick") {
            sawThreadPrint = true;
            CHECK(a.at("thread").to_number<int>() == 1);
            CHECK_FALSE(a.contains("file"));
            CHECK_FALSE(a.contains("line"));
        }
        if (e.at("name") == "print" && a.at("text") == "done") {
            sawPlainPrint = true;
            CHECK_FALSE(a.contains("thread"));
            CHECK_FALSE(a.contains("line"));
        }
        if (e.at("name") == "sleeping") {
            sawSleep = true;
            CHECK(a.at("line").to_number<int>() == 6); // the wait that opened the slice
        }
        if (e.at("ph") == "C" && e.at("name") == "balance")
            CHECK(a.at("value").as_double() == 3.14159265);
    }
    CHECK(sawWrite);
    CHECK(sawThreadPrint);
    CHECK(sawPlainPrint);
    CHECK(sawSleep);
    const auto& other = root.at("otherData").as_object();
    CHECK(other.at("objects").as_array()[0].as_object().at("value_type") == "d");
    CHECK(other.at("processes").as_array()[0].as_object().at("runtime") == "python");

    const TraceData back = fromChromeJson(text);
    CHECK(toChromeJson(back, "test") == text);
    REQUIRE(back.objects().size() == 1);
    CHECK(back.objects()[0].valueType == 'd');
    CHECK(back.processes()[1].runtime == Runtime::Python);
    CHECK(*back.valueAt(0, kT0 + 5000) == bitsFromDouble(3.14159265));
    const auto line = back.sourceLineAt(1, kT0 + 900);
    REQUIRE(line);
    CHECK(line->line == 6);
    CHECK(back.text(line->file) == "/home/ada/shop.py");
}

TEST_CASE("A file names an impossible line or an unknown runtime: a clear error",
          "[trace][source][json]") {
    PythonRun run;
    auto text = toChromeJson(run.s.trace, "test");
    auto negative = text;
    negative.replace(negative.find("\"line\":5"), 8, "\"line\":-5");
    CHECK_THROWS_WITH(fromChromeJson(negative), Catch::Contains("\"line\" is out of range"));
    auto runtime = text;
    runtime.replace(runtime.find("\"python\""), 8, "\"perl\"");
    CHECK_THROWS_WITH(fromChromeJson(runtime), Catch::Contains("unknown runtime \"perl\""));
}

TEST_CASE("Logical time keeps where each operation was done", "[trace][source]") {
    PythonRun run;
    const auto logical = toLogicalTime(run.s.trace, LogicalClock(run.s.trace));
    REQUIRE(logical.events().size() == run.s.trace.events().size());
    for (std::uint32_t i = 0; i < logical.events().size(); ++i) {
        const auto a = run.s.trace.sourceOf(i);
        const auto b = logical.sourceOf(i);
        CHECK(a.thread == b.thread);
        CHECK(a.line == b.line);
        CHECK(run.s.trace.text(a.file) == logical.text(b.file));
    }
}

TEST_CASE("A C++ lesson's lines of its listing survive a trace file and logical time",
          "[trace][source][json]") {
    // A lesson names its listing as the source file `<lesson:ID>` (mp::lessonSourcePath).
    TraceScript s;
    s.trace.scenario = "lock";
    const int main = s.process("MainProcess", 700, kT0);
    const int task = s.process("Process-1", 701, kT0 + 100, 700);
    const auto lock = s.trace.addObject(ObjectInfo{"lock", ObjectKind::Lock, 1});
    const auto listing = s.trace.intern("<lesson:lock>");
    s.event(main, kT0 + 50, Op::Start, Phase::Done, kNoObject, 701, "Process-1", 0,
            {0, listing, 22});
    s.event(task, kT0 + 200, Op::Acquire, Phase::Done, lock, 0, {}, 0, {0, listing, 10});
    s.event(task, kT0 + 300, Op::Print, Phase::Done, kNoObject, 0, "task1 output", 0,
            {0, listing, 13});
    s.event(task, kT0 + 400, Op::Sleep, Phase::Begin, kNoObject, 1000, {}, 0, {0, listing, 14});
    s.event(task, kT0 + 1400, Op::Sleep, Phase::Done, kNoObject, 1000, {}, 0, {0, listing, 14});
    s.event(task, kT0 + 1500, Op::Release, Phase::Done, lock, 1, {}, 0, {0, listing, 10});
    s.event(main, kT0 + 1600, Op::Join, Phase::Done, kNoObject, 701); // exit sequence: no line

    const auto text = toChromeJson(s.trace, "test");
    const TraceData back = fromChromeJson(text);
    CHECK(toChromeJson(back, "test") == text);
    const auto logical = toLogicalTime(back, LogicalClock(back));
    REQUIRE(back.events().size() == s.trace.events().size());
    for (std::uint32_t i = 0; i < back.events().size(); ++i) {
        const auto a = s.trace.sourceOf(i);
        for (const TraceData* other : {&back, &logical}) {
            const auto b = other->sourceOf(i);
            CHECK(a.line == b.line);
            CHECK(a.known() == b.known());
            if (a.line) CHECK(other->text(b.file) == "<lesson:lock>");
        }
    }
    const auto asleep = back.sourceLineAt(task, kT0 + 900);
    REQUIRE(asleep);
    CHECK(asleep->line == 14);
    CHECK(back.sourceLineAt(main, kT0 + 2000)->line == 22); // the join names none
}
