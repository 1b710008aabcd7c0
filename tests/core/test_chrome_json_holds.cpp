// Held locks and permits in the Chrome trace JSON: nestable async spans Perfetto draws on
// tracks of their own, derived again from acquire and release when the file is read back.

#include "test_trace_helpers.hpp"
#include "trace/chrome_json.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace mpviz::trace;
using mpviz::trace::testing::TraceScript;
namespace json = boost::json;

namespace {

struct Edge {
    std::string ph, name, id;
    double ts;
    bool died;
    bool operator==(const Edge&) const = default;
};

std::vector<Edge> holdEdgesOf(const std::string& text, std::int64_t pid) {
    std::vector<Edge> out;
    const json::value root = json::parse(text);
    for (const auto& v : root.at("traceEvents").as_array()) {
        const auto& e = v.as_object();
        if (e.at("pid").to_number<std::int64_t>() != pid) continue;
        const auto ph = std::string(e.at("ph").as_string());
        if (ph != "b" && ph != "e") continue;
        CHECK(e.at("cat").as_string() == "hold");
        CHECK(e.at("tid").to_number<std::int64_t>() == pid);
        const auto* args = e.if_contains("args");
        const bool died = args && args->as_object().if_contains("died_holding");
        if (ph == "b") CHECK(args->as_object().at("object") == e.at("name"));
        out.push_back({ph, std::string(e.at("name").as_string()),
                       std::string(e.at("id2").as_object().at("local").as_string()),
                       e.at("ts").to_number<double>(), died});
    }
    return out;
}

} // namespace

TEST_CASE("the JSON holds each critical section as an async span with nested ones one id up",
          "[json]") {
    TraceScript s;
    const auto lock = s.object("lock", ObjectKind::Lock);
    const auto sem = s.object("sem", ObjectKind::Semaphore, 2);
    const int main = s.process("MainProcess", 100, 0, 1);
    const int worker = s.process("Process-1", 101, 0, 100);
    s.event(main, 1'000, Op::Acquire, Phase::Done, sem, 1);
    s.event(main, 2'000, Op::Acquire, Phase::Done, lock, 0);
    s.event(main, 3'000, Op::Release, Phase::Done, lock, 1);
    s.event(main, 4'000, Op::Release, Phase::Done, sem, 2);
    s.event(worker, 5'000, Op::Acquire, Phase::Done, lock, 0);
    s.trace.setProcessEnd(worker, 9'000, -9); // killed holding it
    s.event(main, 10'000, Op::Print, Phase::Done, kNoObject, 0, "done");

    const std::string text = toChromeJson(s.trace, "test");
    CHECK(holdEdgesOf(text, 100) == std::vector<Edge>{{"b", "sem", "0x0", 1.0, false},
                                                      {"e", "sem", "0x0", 4.0, false},
                                                      {"b", "lock", "0x1", 2.0, false},
                                                      {"e", "lock", "0x1", 3.0, false}});
    CHECK(holdEdgesOf(text, 101) ==
          std::vector<Edge>{{"b", "lock", "0x0", 5.0, true}, {"e", "lock", "0x0", 9.0, false}});

    // Read back, the spans come again from the acquires and releases: the same holds, and
    // the same file once more.
    const TraceData back = fromChromeJson(text);
    for (const int p : {main, worker}) {
        REQUIRE(back.holdLevels(p) == s.trace.holdLevels(p));
        for (int level = 0; level < back.holdLevels(p); ++level) {
            const auto a = s.trace.holds(p, level);
            const auto b = back.holds(p, level);
            REQUIRE(a.size() == b.size());
            for (std::size_t i = 0; i < a.size(); ++i) {
                CHECK(a[i].begin == b[i].begin);
                CHECK(a[i].end == b[i].end);
                CHECK(a[i].object == b[i].object);
                CHECK(a[i].diedHolding == b[i].diedHolding);
            }
        }
    }
    CHECK(toChromeJson(back, "test") == text);
}

TEST_CASE("a hold still going when the trace ends is written up to the trace's end", "[json]") {
    TraceScript s;
    const auto lock = s.object("lock", ObjectKind::Lock);
    const int p = s.process("MainProcess", 100, 0, 1);
    s.event(p, 1'000, Op::Acquire, Phase::Done, lock, 0);
    s.event(p, 7'000, Op::Print, Phase::Done, kNoObject, 0, "still holding");
    CHECK(holdEdgesOf(toChromeJson(s.trace, "test"), 100) ==
          std::vector<Edge>{{"b", "lock", "0x0", 1.0, false}, {"e", "lock", "0x0", 7.0, false}});
}
