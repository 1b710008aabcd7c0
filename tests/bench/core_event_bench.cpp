// DESIGN.md targets: one event inside a child ≤ 150 ns (run mode); engine ingest of all
// children together ≥ 10 M events/s; 8 scenario processes started and connected ≤ 50 ms.
#include "engine/ingest.hpp"
#include "engine/session.hpp"
#include "mp/runtime.hpp"
#include "wire/protocol.hpp"

#include <benchmark/benchmark.h>

#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace mpviz;
using trace::Op;
using trace::Phase;

namespace {

// The child's hot path: timestamp, encode into the buffer, flush to a real socket every
// 64 KiB (a reader thread drains the other end, as the engine would).
void BM_EventCostInChild(benchmark::State& state) {
    static int fds[2] = {-1, -1};
    static std::thread drain;
    if (fds[0] < 0) {
        ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds);
        drain = std::thread([] {
            char buf[1 << 16];
            while (::read(fds[1], buf, sizeof buf) > 0) {
            }
        });
        drain.detach();
        mp::detail::runtime().startOnSocket(fds[0], {"Process-1", "1", false});
    }
    auto& rt = mp::detail::runtime();
    const auto lock = rt.declare(trace::ObjectKind::Lock, "lock", 1);
    std::int64_t i = 0;
    for (auto _ : state)
        rt.emit(Op::Acquire, Phase::Done, lock, ++i);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EventCostInChild);

// Wire bytes of `processes` children, `perProcess` events each, as the engine receives them.
std::vector<std::string> childStreams(int processes, int perProcess) {
    std::vector<std::string> streams;
    for (int p = 0; p < processes; ++p) {
        std::vector<char> bytes;
        wire::Encoder enc(bytes);
        enc.hello({wire::kVersion, 1000 + p, 999, false, "Process-" + std::to_string(p + 1)});
        enc.object({0, trace::ObjectKind::Semaphore, 2, "sem"});
        enc.object({1, trace::ObjectKind::Queue, 5, "queue"});
        std::int64_t ts = 1'000'000'000;
        for (int i = 0; i < perProcess; ++i) {
            ts += 100 + p;
            switch (i % 4) {
            case 0:
                enc.event({ts, 1, 0, Op::Acquire, Phase::Done, 0, ""});
                break;
            case 1:
                enc.event({ts, 2, 0, Op::Release, Phase::Done, 0, ""});
                break;
            case 2:
                enc.event({ts, 1, 0, Op::Put, Phase::Done, 1, "'item'"});
                break;
            default:
                enc.event({ts, 0, 0, Op::Get, Phase::Done, 1, "'item'"});
                break;
            }
        }
        streams.emplace_back(bytes.begin(), bytes.end());
    }
    return streams;
}

// Decoding and recording into the trace, 64 KiB reads interleaved across 8 children.
void BM_EngineIngest(benchmark::State& state) {
    constexpr int kProcesses = 8, kPerProcess = 125'000; // 1 M events in all
    const auto streams = childStreams(kProcesses, kPerProcess);
    struct Quiet : engine::ConnectionIngest::Listener {
        void onHello(int, int, const std::string&) override {}
        void onObject(std::uint16_t) override {}
        void onEvent(const trace::Event&) override {}
    } listener;
    for (auto _ : state) {
        trace::TraceData t;
        std::vector<engine::ConnectionIngest> conns(kProcesses);
        std::vector<std::size_t> offsets(kProcesses, 0);
        std::string pending;
        for (bool more = true; more;) {
            more = false;
            for (int p = 0; p < kProcesses; ++p) {
                const auto& s = streams[p];
                if (offsets[p] >= s.size()) continue;
                const auto n = std::min<std::size_t>(64 * 1024, s.size() - offsets[p]);
                pending.assign(s, offsets[p], n); // (a real read keeps the tail; close enough)
                offsets[p] += n;
                conns[p].ingest(pending, t, listener, 0);
                offsets[p] -= pending.size(); // re-read the partial frame next time
                more = true;
            }
        }
        benchmark::DoNotOptimize(t.events().data());
    }
    state.SetItemsProcessed(state.iterations() * kProcesses * kPerProcess);
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
