// Trace model benchmarks against DESIGN.md's targets: engine ingest ≥ 10 M events/s,
// a stored event ≤ 32 bytes (a frame of the 1 M-event timeline is gui_render_bench's).
// Run: build/bin/mpviz_bench_core --benchmark_filter=Trace

#include "trace/chrome_json.hpp"
#include "trace/trace.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

using namespace mpviz::trace;

namespace {

constexpr int kProcesses = 8;
constexpr std::size_t kEventsPerChunk = 64; // a child's flush: events reach the engine in bursts

// A recorded session, ready to be appended as the engine would receive it.
struct Recording {
    std::vector<ObjectInfo> objects;
    std::vector<Event> events;         // in arrival order, text not interned yet
    std::vector<std::uint32_t> textOf; // per event: index into texts, 0 = none
    std::vector<std::string> texts{std::string()};
};

// Eight workers sharing a lock, a semaphore, a queue, a Value and an Event: the mix of
// the lessons, with waits, sleeps and prints, each worker on its own clock.
Recording record(std::size_t eventCount) {
    Recording r;
    r.objects = {{"lock", ObjectKind::Lock, 0},
                 {"sem", ObjectKind::Semaphore, 3},
                 {"queue", ObjectKind::Queue, 0},
                 {"counter", ObjectKind::Value, 0},
                 {"event", ObjectKind::Event, 0}};
    for (int i = 0; i < 16; ++i)
        r.texts.push_back("worker says line " + std::to_string(i));
    const std::uint32_t firstLine = 1;

    std::uint64_t random = 0x9E3779B97F4A7C15ull;
    const auto next = [&random](std::uint32_t bound) {
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        return static_cast<std::uint32_t>(random % bound);
    };

    std::vector<std::vector<std::pair<Event, std::uint32_t>>> streams(kProcesses);
    std::vector<std::int64_t> clock(kProcesses, 1'000'000);
    std::vector<std::uint32_t> putItems;
    std::size_t gets = 0;
    const std::size_t perProcess = eventCount / kProcesses;
    for (int p = 0; p < kProcesses; ++p) {
        auto& stream = streams[p];
        const auto emit = [&](Op op, Phase phase, std::uint16_t object, std::int64_t value = 0,
                              std::uint32_t text = 0) {
            clock[p] += 50 + next(450);
            Event e;
            e.ts = clock[p];
            e.process = static_cast<std::uint16_t>(p);
            e.op = op;
            e.phase = phase;
            e.object = object;
            e.value = value;
            stream.emplace_back(e, text);
        };
        while (stream.size() < perProcess) {
            switch (next(6)) {
            case 0: // with lock: counter.value += 1
                emit(Op::Acquire, Phase::Intent, 0);
                if (next(3) == 0) emit(Op::Acquire, Phase::Blocked, 0);
                emit(Op::Acquire, Phase::Done, 0, 0);
                emit(Op::Write, Phase::Done, 3, static_cast<std::int64_t>(next(1000)));
                emit(Op::Release, Phase::Done, 0, 1);
                break;
            case 1: // with sem: …
                emit(Op::Acquire, Phase::Intent, 1);
                if (next(2) == 0) emit(Op::Acquire, Phase::Blocked, 1);
                emit(Op::Acquire, Phase::Done, 1, next(3));
                emit(Op::Release, Phase::Done, 1, 1 + next(3));
                break;
            case 2:
                if (p % 2 == 0) {
                    r.texts.push_back("'item " + std::to_string(putItems.size()) + "'");
                    putItems.push_back(static_cast<std::uint32_t>(r.texts.size() - 1));
                    emit(Op::Put, Phase::Intent, 2);
                    emit(Op::Put, Phase::Done, 2, next(8), putItems.back());
                } else {
                    // A get takes an item some put made: its text is interned already.
                    emit(Op::Get, Phase::Intent, 2);
                    if (next(2) == 0) emit(Op::Get, Phase::Blocked, 2);
                    const std::uint32_t item =
                        putItems.empty() ? 0 : putItems[gets++ % putItems.size()];
                    emit(Op::Get, Phase::Done, 2, next(8), item);
                }
                break;
            case 3:
                emit(Op::Print, Phase::Done, kNoObject, 0, firstLine + next(16));
                break;
            case 4:
                emit(Op::Sleep, Phase::Begin, kNoObject, 10'000);
                emit(Op::Sleep, Phase::Done, kNoObject, 10'000);
                break;
            default:
                if (p == 0) {
                    emit(Op::Set, Phase::Done, 4, 1);
                } else {
                    emit(Op::Wait, Phase::Intent, 4);
                    if (next(2) == 0) emit(Op::Wait, Phase::Blocked, 4);
                    emit(Op::Wait, Phase::Done, 4, 1);
                }
            }
        }
    }
    // Interleave the workers' flushes round-robin: arrival lags time by up to a burst.
    std::vector<std::size_t> cursor(kProcesses, 0);
    for (bool more = true; more;) {
        more = false;
        for (int p = 0; p < kProcesses; ++p) {
            const auto& stream = streams[p];
            const std::size_t end = std::min(stream.size(), cursor[p] + kEventsPerChunk);
            for (; cursor[p] < end; ++cursor[p]) {
                r.events.push_back(stream[cursor[p]].first);
                r.textOf.push_back(stream[cursor[p]].second);
            }
            more = more || cursor[p] < stream.size();
        }
    }
    return r;
}

void addSession(TraceData& trace, const Recording& r) {
    for (int p = 0; p < kProcesses; ++p)
        trace.addProcess(ProcessInfo{1000 + p, p == 0 ? 1 : 1000, -1,
                                     p == 0 ? "MainProcess" : "Process-" + std::to_string(p), false,
                                     1'000'000, std::nullopt, std::nullopt});
    for (const auto& object : r.objects)
        trace.addObject(object);
}

// What the engine does with each received event: intern its text, append it.
void ingest(TraceData& trace, const Recording& r) {
    std::vector<std::uint32_t> interned(r.texts.size(), 0);
    for (std::size_t i = 0; i < r.events.size(); ++i) {
        Event e = r.events[i];
        if (const auto t = r.textOf[i]) e.text = trace.intern(r.texts[t]);
        trace.append(e);
    }
}

const Recording& millionEvents() {
    static const Recording r = record(1'000'000);
    return r;
}

const TraceData& millionEventTrace() {
    static const TraceData trace = [] {
        TraceData t;
        addSession(t, millionEvents());
        ingest(t, millionEvents());
        for (int p = 0; p < kProcesses; ++p)
            t.setProcessEnd(p, t.lastTs(), 0);
        t.setOutcome(Outcome::Completed);
        return t;
    }();
    return trace;
}

void TraceAppend(benchmark::State& state) {
    const Recording& r = millionEvents();
    // Texts interned beforehand: the model's own cost per event.
    TraceData prototype;
    addSession(prototype, r);
    std::vector<Event> events = r.events;
    for (std::size_t i = 0; i < events.size(); ++i)
        events[i].text = prototype.intern(r.texts[r.textOf[i]]);
    std::size_t bytes = 0;
    for (auto _ : state) {
        state.PauseTiming();
        TraceData trace = prototype;
        state.ResumeTiming();
        for (const Event& e : events)
            trace.append(e);
        benchmark::DoNotOptimize(trace.events().data());
        state.PauseTiming();
        bytes = trace.memoryBytes();
        trace = TraceData();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * events.size()));
    state.counters["bytes/event"] = static_cast<double>(bytes) / static_cast<double>(events.size());
}
BENCHMARK(TraceAppend)->Unit(benchmark::kMillisecond);

void TraceIngestWithText(benchmark::State& state) {
    const Recording& r = millionEvents();
    std::size_t bytes = 0;
    for (auto _ : state) {
        TraceData trace;
        addSession(trace, r);
        ingest(trace, r);
        state.PauseTiming();
        bytes = trace.memoryBytes();
        trace = TraceData();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * r.events.size()));
    state.counters["bytes/event"] =
        static_cast<double>(bytes) / static_cast<double>(r.events.size());
}
BENCHMARK(TraceIngestWithText)->Unit(benchmark::kMillisecond);

void TraceMessagesFromScratch(benchmark::State& state) {
    std::size_t arrows = 0;
    for (auto _ : state) {
        state.PauseTiming();
        TraceData trace;
        addSession(trace, millionEvents());
        ingest(trace, millionEvents());
        state.ResumeTiming();
        arrows = trace.messages().size();
        state.PauseTiming();
        trace = TraceData();
        state.ResumeTiming();
    }
    state.counters["arrows"] = static_cast<double>(arrows);
}
BENCHMARK(TraceMessagesFromScratch)->Unit(benchmark::kMillisecond);

void TraceExportJson(benchmark::State& state) {
    const TraceData& trace = millionEventTrace();
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string json = toChromeJson(trace, "bench");
        bytes = json.size();
        benchmark::DoNotOptimize(json.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * trace.events().size()));
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(TraceExportJson)->Unit(benchmark::kMillisecond);

void TraceImportJson(benchmark::State& state) {
    const std::string json = toChromeJson(millionEventTrace(), "bench");
    for (auto _ : state) {
        TraceData trace = fromChromeJson(json);
        benchmark::DoNotOptimize(trace.events().data());
        state.PauseTiming();
        trace = TraceData();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(
        static_cast<std::int64_t>(state.iterations() * millionEventTrace().events().size()));
}
BENCHMARK(TraceImportJson)->Unit(benchmark::kMillisecond);

} // namespace
