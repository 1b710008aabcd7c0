// The wire protocol: what a child encodes is what the engine decodes, frame by frame,
// whatever way the bytes are split; garbage is refused, never crashes the engine.
#include "engine/ingest.hpp"
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
                      std::to_string(h.ppid) + (h.daemon ? " daemon" : ""));
    }
    void onObject(const wire::ObjectDecl& o) {
        log.push_back("object " + std::to_string(o.id) + " " + std::string(o.name) + " " +
                      std::to_string(o.capacity));
    }
    void onEvent(const wire::EventRecord& e) {
        log.push_back("event " + std::string(trace::opName(e.op)) + " " +
                      std::string(trace::phaseName(e.phase)) + " " + std::to_string(e.ts) + " " +
                      std::to_string(e.value) + " " + std::to_string(e.extra) + " " +
                      std::to_string(e.object) + " '" + std::string(e.text) + "'");
    }
    void onGrant() { log.push_back("grant"); }
    void onMode(bool step) { log.push_back(step ? "mode step" : "mode run"); }
};

std::vector<char> sampleStream() {
    std::vector<char> bytes;
    wire::Encoder enc(bytes);
    enc.hello({wire::kVersion, 4242, 4241, true, "Process-1"});
    enc.object({0, trace::ObjectKind::Queue, 5, "queue"});
    enc.event({1'000'000'123, 3, 0, Op::Put, Phase::Done, 0, "'ice-lolly 1'"});
    enc.event({1'000'000'500, 0, 1, Op::Wait, Phase::Blocked, trace::kNoObject, ""});
    enc.grant();
    enc.mode(true);
    return bytes;
}
} // namespace

TEST_CASE("wire: every frame decodes to what was encoded", "[wire]") {
    const auto bytes = sampleStream();
    Recorder r;
    const auto used = wire::decode(std::string_view(bytes.data(), bytes.size()), r);
    CHECK(used == bytes.size());
    REQUIRE(r.log.size() == 6);
    CHECK(r.log[0] == "hello Process-1 4242 4241 daemon");
    CHECK(r.log[1] == "object 0 queue 5");
    CHECK(r.log[2] == "event put done 1000000123 3 0 0 ''ice-lolly 1''");
    CHECK(r.log[3] == "event wait blocked 1000000500 0 1 65535 ''");
    CHECK(r.log[4] == "grant");
    CHECK(r.log[5] == "mode step");
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
    wire::Encoder(bytes).hello({wire::kVersion + 1, 1, 0, false, "MainProcess"});
    Recorder r;
    CHECK_THROWS_WITH(wire::decode(std::string_view(bytes.data(), bytes.size()), r),
                      Catch::Contains("protocol version"));
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
        void onEvent(const trace::Event& e) override {
            ++events;
            t.append(e);
        }
    } listener(t);
    engine::ConnectionIngest ingest;
    const auto bytes = sampleStream();
    // The last two frames (grant, mode) are engine → child only: refused from a child.
    std::string pending(bytes.data(), bytes.size());
    CHECK_THROWS_AS(ingest.ingest(pending, t, listener, 1'000'000'000), wire::ProtocolError);
    CHECK(listener.hellos == 1);
    CHECK(listener.objects == 1);
    CHECK(listener.events == 2);
    REQUIRE(t.processes().size() == 1);
    CHECK(t.processes()[0].name == "Process-1");
    CHECK(t.processes()[0].daemon);
    REQUIRE(t.objects().size() == 1);
    CHECK(t.objects()[0].name == "queue");
    CHECK(t.objects()[0].capacity == 5);
    REQUIRE(t.events().size() == 2);
    CHECK(t.text(t.events()[0].text) == "'ice-lolly 1'");
    CHECK(t.events()[0].object == 0);
}

namespace {
constexpr std::int64_t kSessionStart = 10'000'000'000; // ns
constexpr std::int64_t kReadAt = 20'000'000'000;

// What MainProcess says after its hello, as the engine's ingest takes it: in a session
// that began at 10 s, read at 20 s.
void ingestAfterHello(const std::vector<wire::EventRecord>& events) {
    struct Listener : engine::ConnectionIngest::Listener {
        void onHello(int, int, const std::string&) override {}
        void onObject(std::uint16_t) override {}
        void onEvent(const trace::Event&) override {}
    } listener;
    std::vector<char> bytes;
    wire::Encoder enc(bytes);
    enc.hello({wire::kVersion, 7, 1, false, "MainProcess"});
    for (const auto& e : events)
        enc.event(e);
    trace::TraceData t;
    engine::ConnectionIngest ingest(kSessionStart);
    std::string pending(bytes.data(), bytes.size());
    ingest.ingest(pending, t, listener, kReadAt);
}

void ingestPrintAt(std::int64_t ts) {
    ingestAfterHello({{ts, 0, 0, Op::Print, Phase::Done, trace::kNoObject, "hi"}});
}
} // namespace

TEST_CASE("ingest: an event naming an undeclared object is refused", "[wire][ingest]") {
    CHECK_THROWS_WITH(ingestAfterHello({{kSessionStart, 0, 0, Op::Acquire, Phase::Done, 3, ""}}),
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
                                         trace::kNoObject, "Process-1"}}),
                      Catch::Contains("start carries 1099511627776"));
    CHECK_THROWS_WITH(
        ingestAfterHello({{kSessionStart, -huge, 0, Op::Exit, Phase::Done, trace::kNoObject, ""}}),
        Catch::Contains("no process id or exit code"));
    CHECK_NOTHROW(
        ingestAfterHello({{kSessionStart, 4242, 0, Op::Start, Phase::Done, trace::kNoObject, "P"},
                          {kReadAt, -15, 0, Op::Exit, Phase::Done, trace::kNoObject, ""}}));
}
