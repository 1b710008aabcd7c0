// The wire protocol: what a child encodes is what the engine decodes, frame by frame,
// whatever way the bytes are split; garbage is refused, never crashes the engine.
#include "engine/ingest.hpp"
#include "trace/chrome_json.hpp"
#include "wire/protocol.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace mpviz;
using trace::Op;
using trace::Phase;

namespace {
struct Recorder {
    std::vector<std::string> log;
    void onHello(const wire::Hello& h) {
        log.push_back("hello " + std::string(h.name) + " " + std::to_string(h.pid) + " " +
                      std::to_string(h.ppid) + (h.daemon ? " daemon " : " ") +
                      std::string(trace::runtimeName(h.runtime)));
    }
    void onObject(const wire::ObjectDecl& o) {
        log.push_back("object " + std::to_string(o.id) + " " + std::string(o.name) + " " +
                      std::to_string(o.capacity) +
                      (o.valueType ? " type " + std::string(1, o.valueType) : ""));
    }
    void onEvent(const wire::EventRecord& e) {
        log.push_back("event " + std::string(trace::opName(e.op)) + " " +
                      std::string(trace::phaseName(e.phase)) + " " + std::to_string(e.ts) + " " +
                      std::to_string(e.value) + " " + std::to_string(e.extra) + " " +
                      std::to_string(e.object) + " '" + std::string(e.text) + "' thread " +
                      std::to_string(e.thread) + " at " + std::to_string(e.file) + ":" +
                      std::to_string(e.line));
    }
    void onSource(const wire::SourceDecl& s) {
        log.push_back("source " + std::to_string(s.file) + " " + std::string(s.path));
    }
    void onGrant(std::uint32_t thread) { log.push_back("grant " + std::to_string(thread)); }
    void onMode(bool step) { log.push_back(step ? "mode step" : "mode run"); }
};

std::vector<char> sampleStream() {
    std::vector<char> bytes;
    wire::Encoder enc(bytes);
    enc.hello({wire::kVersion, 4242, 4241, true, wire::Runtime::Python, "Process-1"});
    enc.object({0, trace::ObjectKind::Queue, 5, trace::kNoValueType, "queue"});
    enc.object({1, trace::ObjectKind::Value, 0, 'd', "balance"});
    enc.source({1, "/home/ada/shop.py"});
    enc.event({1'000'000'123, 3, 0, Op::Put, Phase::Done, 0, 2, 1, 17, "'ice-lolly 1'"});
    enc.event({1'000'000'500, 0, 1, Op::Wait, Phase::Blocked, trace::kNoObject, 0, 0, 0, ""});
    enc.grant(2);
    enc.mode(true);
    return bytes;
}
} // namespace

TEST_CASE("wire: every frame decodes to what was encoded", "[wire]") {
    const auto bytes = sampleStream();
    Recorder r;
    const auto used = wire::decode(std::string_view(bytes.data(), bytes.size()), r);
    CHECK(used == bytes.size());
    REQUIRE(r.log.size() == 8);
    CHECK(r.log[0] == "hello Process-1 4242 4241 daemon python");
    CHECK(r.log[1] == "object 0 queue 5");
    CHECK(r.log[2] == "object 1 balance 0 type d");
    CHECK(r.log[3] == "source 1 /home/ada/shop.py");
    CHECK(r.log[4] == "event put done 1000000123 3 0 0 ''ice-lolly 1'' thread 2 at 1:17");
    CHECK(r.log[5] == "event wait blocked 1000000500 0 1 65535 '' thread 0 at 0:0");
    CHECK(r.log[6] == "grant 2");
    CHECK(r.log[7] == "mode step");
}

TEST_CASE("wire: frames split at any byte are decoded once, in order", "[wire]") {
    const auto bytes = sampleStream();
    Recorder whole;
    wire::decode(std::string_view(bytes.data(), bytes.size()), whole);
    for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
        Recorder split;
        std::string pending(bytes.data(), cut);
        pending.erase(0, wire::decode(pending, split));
        pending.append(bytes.data() + cut, bytes.size() - cut);
        pending.erase(0, wire::decode(pending, split));
        CHECK(pending.empty());
        CHECK(split.log == whole.log);
    }
}

TEST_CASE("wire: a newer protocol version is refused with a clear message", "[wire]") {
    std::vector<char> bytes;
    wire::Encoder(bytes).hello(
        {wire::kVersion + 1, 1, 0, false, wire::Runtime::Cpp, "MainProcess"});
    Recorder r;
    CHECK_THROWS_WITH(wire::decode(std::string_view(bytes.data(), bytes.size()), r),
                      Catch::Contains("protocol version"));
}

TEST_CASE("wire: a version 1 hello gets the version message and not a short frame", "[wire]") {
    // Version 1's hello: u16 version, i32 pid, i32 ppid, u8 daemon, text name (no runtime).
    std::vector<char> bytes = {1, 15, 0, 0, 0, 1, 0, 7, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
    Recorder r;
    CHECK_THROWS_WITH(wire::decode(std::string_view(bytes.data(), bytes.size()), r),
                      Catch::Contains("version 1") && Catch::Contains("speaks 2"));
}

TEST_CASE("wire: an unknown runtime and a source file numbered 0 are refused", "[wire]") {
    Recorder r;
    std::vector<char> hello;
    wire::Encoder(hello).hello({wire::kVersion, 1, 0, false, wire::Runtime::Count, "MainProcess"});
    CHECK_THROWS_WITH(wire::decode(std::string_view(hello.data(), hello.size()), r),
                      Catch::Contains("unknown runtime"));
    std::vector<char> source;
    wire::Encoder(source).source({0, "/tmp/x.py"});
    CHECK_THROWS_WITH(wire::decode(std::string_view(source.data(), source.size()), r),
                      Catch::Contains("reserved"));
}

TEST_CASE("wire: random garbage is refused or waited on, never crashes", "[wire][fuzz]") {
    std::mt19937 rng(12345);
    const auto good = sampleStream();
    for (int round = 0; round < 2000; ++round) {
        std::string bytes(good.begin(), good.end());
        // Flip a few bytes, truncate or append noise.
        const int flips = 1 + static_cast<int>(rng() % 4);
        for (int i = 0; i < flips; ++i)
            bytes[rng() % bytes.size()] = static_cast<char>(rng());
        if (rng() % 3 == 0) bytes.resize(rng() % bytes.size());
        Recorder r;
        try {
            const auto used = wire::decode(bytes, r);
            CHECK(used <= bytes.size());
        } catch (const wire::ProtocolError&) {
            // refused: fine
        }
    }
}

TEST_CASE("ingest: a connection's frames become trace processes, objects and events",
          "[wire][ingest]") {
    trace::TraceData t;
    struct Listener : engine::ConnectionIngest::Listener {
        trace::TraceData& t;
        int hellos = 0, objects = 0, events = 0;
        explicit Listener(trace::TraceData& trace) : t(trace) {}
        void onHello(int, int, const std::string&) override { ++hellos; }
        void onObject(std::uint16_t) override { ++objects; }
        // The session holds events back to merge children in time order; here: at once.
        void onEvent(const trace::Event& e, const trace::SourceSpot& at) override {
            ++events;
            t.append(e, at);
        }
    } listener(t);
    engine::ConnectionIngest ingest;
    const auto bytes = sampleStream();
    // The last two frames (grant, mode) are engine → child only: refused from a child.
    std::string pending(bytes.data(), bytes.size());
    CHECK_THROWS_AS(ingest.ingest(pending, t, listener, 1'000'000'000), wire::ProtocolError);
    CHECK(listener.hellos == 1);
    CHECK(listener.objects == 2);
    CHECK(listener.events == 2);
    REQUIRE(t.processes().size() == 1);
    CHECK(t.processes()[0].name == "Process-1");
    CHECK(t.processes()[0].daemon);
    CHECK(t.processes()[0].runtime == trace::Runtime::Python);
    REQUIRE(t.objects().size() == 2);
    CHECK(t.objects()[0].name == "queue");
    CHECK(t.objects()[0].capacity == 5);
    CHECK(t.objects()[0].valueType == trace::kNoValueType);
    CHECK(t.objects()[1].valueType == 'd');
    REQUIRE(t.events().size() == 2);
    CHECK(t.text(t.events()[0].text) == "'ice-lolly 1'");
    CHECK(t.events()[0].object == 0);
    // Where the put was done travels beside the event: thread 2, shop.py line 17.
    const auto put = t.sourceOf(0);
    CHECK(put.thread == 2);
    CHECK(t.text(put.file) == "/home/ada/shop.py");
    CHECK(put.line == 17);
    CHECK_FALSE(t.sourceOf(1).known());
}

namespace {
constexpr std::int64_t kSessionStart = 10'000'000'000; // ns
constexpr std::int64_t kReadAt = 20'000'000'000;

// What MainProcess says after its hello (and the source files it declares), as the engine's
// ingest takes it: in a session that began at 10 s, read at 20 s.
void ingestAfterHello(const std::vector<wire::EventRecord>& events,
                      const std::vector<wire::SourceDecl>& sources = {}) {
    struct Listener : engine::ConnectionIngest::Listener {
        void onHello(int, int, const std::string&) override {}
        void onObject(std::uint16_t) override {}
        void onEvent(const trace::Event&, const trace::SourceSpot&) override {}
    } listener;
    std::vector<char> bytes;
    wire::Encoder enc(bytes);
    enc.hello({wire::kVersion, 7, 1, false, wire::Runtime::Python, "MainProcess"});
    for (const auto& source : sources)
        enc.source(source);
    for (const auto& e : events)
        enc.event(e);
    trace::TraceData t;
    engine::ConnectionIngest ingest(kSessionStart);
    std::string pending(bytes.data(), bytes.size());
    ingest.ingest(pending, t, listener, kReadAt);
}

void ingestPrintAt(std::int64_t ts) {
    ingestAfterHello({{ts, 0, 0, Op::Print, Phase::Done, trace::kNoObject, 0, 0, 0, "hi"}});
}
} // namespace

TEST_CASE("ingest: an event naming an undeclared object is refused", "[wire][ingest]") {
    CHECK_THROWS_WITH(
        ingestAfterHello({{kSessionStart, 0, 0, Op::Acquire, Phase::Done, 3, 0, 0, 0, ""}}),
        Catch::Contains("undeclared object"));
}

// Found by the wire fuzzer: such times made traces whose saved file did not read back.
TEST_CASE("ingest: an event stamped before the session or after the moment it is read is refused",
          "[wire][ingest]") {
    CHECK_NOTHROW(ingestPrintAt(kSessionStart));
    CHECK_NOTHROW(ingestPrintAt(kReadAt));
    CHECK_THROWS_WITH(ingestPrintAt(kSessionStart - 2'000'000'000),
                      Catch::Contains("outside the session"));
    CHECK_THROWS_WITH(ingestPrintAt(kReadAt + 2'000'000'000),
                      Catch::Contains("outside the session"));
    CHECK_THROWS_WITH(ingestPrintAt(-5), Catch::Contains("outside the session"));
    CHECK_THROWS_WITH(ingestPrintAt(INT64_MAX), Catch::Contains("outside the session"));
}

// Found by the wire fuzzer: the trace file then held a "child" no importer would read back.
TEST_CASE("ingest: a start or exit carrying a number beyond any pid or exit code is refused",
          "[wire][ingest]") {
    const std::int64_t huge = std::int64_t{1} << 40;
    CHECK_THROWS_WITH(ingestAfterHello({{kSessionStart, huge, 0, Op::Start, Phase::Done,
                                         trace::kNoObject, 0, 0, 0, "Process-1"}}),
                      Catch::Contains("start carries 1099511627776"));
    CHECK_THROWS_WITH(ingestAfterHello({{kSessionStart, -huge, 0, Op::Exit, Phase::Done,
                                         trace::kNoObject, 0, 0, 0, ""}}),
                      Catch::Contains("no process id or exit code"));
    CHECK_NOTHROW(ingestAfterHello(
        {{kSessionStart, 4242, 0, Op::Start, Phase::Done, trace::kNoObject, 0, 0, 0, "P"},
         {kReadAt, -15, 0, Op::Exit, Phase::Done, trace::kNoObject, 0, 0, 0, ""}}));
}

TEST_CASE("ingest: an event naming an undeclared source file is refused", "[wire][ingest]") {
    const wire::EventRecord print{kSessionStart,    0, 0, Op::Print, Phase::Done,
                                  trace::kNoObject, 0, 2, 5,         "hi"};
    CHECK_THROWS_WITH(ingestAfterHello({print}, {{1, "/tmp/declared.py"}}),
                      Catch::Contains("undeclared source file"));
    auto declared = print;
    declared.file = 1;
    CHECK_NOTHROW(ingestAfterHello({declared}, {{1, "/tmp/declared.py"}}));
}

// Found by the wire fuzzer: a value type byte 0xff was taken, saved as "value_type": "\uFFFD"
// and refused by the trace importer, so the trace did not reopen. The rule is one
// (trace::isValueTypeCode): the wire takes exactly the value types the trace file carries.
TEST_CASE("ingest: an object's value type is taken only when the trace file can carry it",
          "[wire][ingest]") {
    struct Listener : engine::ConnectionIngest::Listener {
        void onHello(int, int, const std::string&) override {}
        void onObject(std::uint16_t) override {}
        void onEvent(const trace::Event&, const trace::SourceSpot&) override {}
    } listener;
    int taken = 0;
    for (int byte = 0; byte < 256; ++byte) {
        const auto type = static_cast<char>(byte);
        std::vector<char> bytes;
        wire::Encoder enc(bytes);
        enc.hello({wire::kVersion, 7, 1, false, wire::Runtime::Python, "MainProcess"});
        enc.object({0, trace::ObjectKind::Value, 0, type, "balance"});
        trace::TraceData t;
        engine::ConnectionIngest ingest(kSessionStart);
        std::string pending(bytes.data(), bytes.size());
        CAPTURE(byte);
        if (byte != 0 && !trace::isValueTypeCode(type)) {
            CHECK_THROWS_WITH(ingest.ingest(pending, t, listener, kReadAt),
                              Catch::Contains("value type byte 0x") &&
                                  Catch::Contains("is no typecode"));
            continue;
        }
        ingest.ingest(pending, t, listener, kReadAt);
        ++taken;
        const trace::TraceData back = trace::fromChromeJson(trace::toChromeJson(t, "0.1.0"));
        REQUIRE(back.objects().size() == 1);
        CHECK(back.objects()[0].valueType == type);
    }
    CHECK(taken == 1 + 94); // none, and '!' to '~'
    Recorder r;
    std::vector<char> bad;
    wire::Encoder(bad).object({0, trace::ObjectKind::Value, 0, '\xff', "balance"});
    CHECK_THROWS_WITH(wire::decode(std::string_view(bad.data(), bad.size()), r),
                      Catch::Contains("value type byte 0xff is no typecode"));
}

// Found by the wire fuzzer: two objects named by different invalid UTF-8 bytes were saved
// under one name (each bad byte becomes U+FFFD), and the importer refused the file for
// listing it twice. The trace file names objects by their names, so they must be UTF-8.
TEST_CASE("ingest: an object name that is not UTF-8 is refused", "[wire][ingest]") {
    const auto declare = [](std::string_view name) {
        std::vector<char> bytes;
        wire::Encoder(bytes).object({0, trace::ObjectKind::Queue, 0, trace::kNoValueType, name});
        Recorder r;
        wire::decode(std::string_view(bytes.data(), bytes.size()), r);
        return r.log;
    };
    CHECK(declare("pool.tasks") == std::vector<std::string>{"object 0 pool.tasks 0"});
    CHECK_NOTHROW(declare("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\x8d")); // café € 🐍
    for (const std::string_view bad :
         {"p\xff", "p\xfe", "\xc3", "\xe2\x82", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80"}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH(declare(bad), Catch::Contains("object name is not UTF-8"));
    }
}
