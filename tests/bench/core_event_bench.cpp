// DESIGN.md targets: one event inside a child ≤ 150 ns (run mode); engine ingest of all
// children together ≥ 10 M events/s; 8 scenario processes started and connected ≤ 50 ms.
#include "child_runtime.hpp"
#include "engine/event_sorter.hpp"
#include "engine/ingest.hpp"
#include "engine/session.hpp"
#include "mp/runtime.hpp"
#include "wire/protocol.hpp"

#include <benchmark/benchmark.h>

#include <thread>

using namespace mpviz;
using trace::Op;
using trace::Phase;

namespace {

// The child's hot path: timestamp, encode into the buffer, flush to a real socket every
// 64 KiB (a reader thread drains the other end, as the engine would).
void BM_EventCostInChild(benchmark::State& state) {
    auto& rt = bench::childRuntime();
    const auto lock = rt.declare(trace::ObjectKind::Lock, "lock", 1);
    std::int64_t i = 0;
    for (auto _ : state)
        rt.emit(Op::Acquire, Phase::Done, lock, ++i);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EventCostInChild);

// What the engine receives from 8 busy children sharing a semaphore and a queue: each
// child sends 64 KiB batches (~2000 events), and the batches of different children cover
// the same stretch of time, as they do when every child flushes on its own timer.
struct Batches {
    std::vector<std::vector<std::string>> rounds; // rounds[r][p]: child p's bytes in round r
    std::vector<std::int64_t> roundEnd;           // the engine's clock after round r
};

Batches childBatches(int processes, int perBatch, int rounds) {
    constexpr std::int64_t kSpacingNs = 100; // 8 children together: 80 M events/s of room
    Batches b;
    for (int r = 0; r < rounds; ++r) {
        b.rounds.emplace_back();
        const std::int64_t start = 1'000'000'000 + std::int64_t(r) * perBatch * kSpacingNs;
        for (int p = 0; p < processes; ++p) {
            std::vector<char> bytes;
            wire::Encoder enc(bytes);
            if (r == 0) {
                enc.hello({wire::kVersion, 1000 + p, 999, false, wire::Runtime::Cpp,
                           "Process-" + std::to_string(p + 1)});
                enc.object({0, trace::ObjectKind::Semaphore, 2, trace::kNoValueType, "sem"});
                enc.object({1, trace::ObjectKind::Queue, 5, trace::kNoValueType, "queue"});
            }
            for (int i = 0; i < perBatch; ++i) {
                const std::int64_t ts = start + std::int64_t(i) * kSpacingNs + p;
                switch (i % 4) {
                case 0:
                    enc.event({ts, 1, 0, Op::Acquire, Phase::Done, 0, 0, 0, 0, ""});
                    break;
                case 1:
                    enc.event({ts, 2, 0, Op::Release, Phase::Done, 0, 0, 0, 0, ""});
                    break;
                case 2:
                    enc.event({ts, 1, 0, Op::Put, Phase::Done, 1, 0, 0, 0, "'item'"});
                    break;
                default:
                    enc.event({ts, 0, 0, Op::Get, Phase::Done, 1, 0, 0, 0, "'item'"});
                    break;
                }
            }
            b.rounds.back().emplace_back(bytes.begin(), bytes.end());
        }
        b.roundEnd.push_back(start + std::int64_t(perBatch) * kSpacingNs);
    }
    return b;
}

// Decode, hold for the reorder window, merge, append: the engine's whole ingest path.
void BM_EngineIngest(benchmark::State& state) {
    constexpr int kProcesses = 8, kPerBatch = 2000, kRounds = 63; // ~1 M events in all
    const auto batches = childBatches(kProcesses, kPerBatch, kRounds);
    struct ToSorter : engine::ConnectionIngest::Listener {
        engine::EventSorter& sorter;
        std::size_t source = 0;
        explicit ToSorter(engine::EventSorter& s) : sorter(s) {}
        void onHello(int, int, const std::string&) override {}
        void onObject(std::uint16_t) override {}
        void onEvent(const trace::Event& e, const trace::SourceSpot& at) override {
            sorter.push(source, e, at);
        }
    };
    std::size_t events = 0;
    for (auto _ : state) {
        trace::TraceData t;
        engine::EventSorter sorter;
        std::vector<engine::ConnectionIngest> conns(kProcesses);
        ToSorter listener(sorter);
        for (int p = 0; p < kProcesses; ++p)
            sorter.addSource();
        std::string pending;
        for (int r = 0; r < kRounds; ++r) {
            for (int p = 0; p < kProcesses; ++p) {
                pending = batches.rounds[r][p];
                listener.source = static_cast<std::size_t>(p);
                conns[p].ingest(pending, t, listener, batches.roundEnd[r]);
            }
            sorter.release(
                batches.roundEnd[r] - engine::EventSorter::kWindowNs,
                [&](const trace::Event& e, const trace::SourceSpot& at) { t.append(e, at); });
        }
        sorter.releaseAll(
            [&](const trace::Event& e, const trace::SourceSpot& at) { t.append(e, at); });
        events = t.events().size();
        benchmark::DoNotOptimize(t.events().data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(events));
}
BENCHMARK(BM_EngineIngest)->Unit(benchmark::kMillisecond);

// Real processes: MainProcess plus 7 workers spawned, each connected and said hello.
void BM_EightProcessesConnected(benchmark::State& state) {
    for (auto _ : state) {
        engine::SessionOptions o;
        o.scenario = "semaphore";
        o.params = {{"workers", "7"}, {"permits", "2"}, {"hold", "0.1"}};
        o.speed = 1000;
        o.childExecutable = MPVIZ_BIN_DIR "/mpviz-child";
        engine::Session session(o);
        const auto start = std::chrono::steady_clock::now();
        session.start();
        while (session.trace()->read(
                   [](const trace::TraceData& t) { return t.processes().size(); }) < 8)
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        const auto elapsed = std::chrono::steady_clock::now() - start;
        state.SetIterationTime(std::chrono::duration<double>(elapsed).count());
        session.wait();
    }
}
BENCHMARK(BM_EightProcessesConnected)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(10);

} // namespace

BENCHMARK_MAIN();
