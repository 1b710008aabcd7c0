// One event inside a scenario process (mpviz's runtime, the path BM_EventCostInChild
// measures) against one LTTng-UST tracepoint with the same fields, enabled in an LTTng
// session the benchmark starts itself, in the same run. Issue 11's target: mpviz at most
// 0.5x LTTng-UST. Without LTTng (built without liblttng-ust-dev, or no lttng-tools) it is
// skipped with a message saying what is missing.
#include "child_runtime.hpp"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#ifdef MPVIZ_HAVE_LTTNG
#include "lttng_tracepoint.h"

#include <csignal>
#include <thread>
#include <unistd.h>
#endif

using namespace mpviz;

namespace {

#ifdef MPVIZ_HAVE_LTTNG
bool quietly(const std::string& command) {
    return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

// A userspace tracing session recording mpviz_bench:event into a temporary directory, with
// a root session daemon started for it when none runs (and stopped again). error() says why
// tracing is not on.
class LttngSession {
  public:
    LttngSession() {
        if (!quietly("command -v lttng") || !quietly("command -v lttng-sessiond")) {
            error_ = "lttng-tools is not installed (apt-get install lttng-tools)";
            return;
        }
        if (!quietly("lttng --no-sessiond list")) {
            if (!quietly("lttng-sessiond --daemonize")) {
                error_ = "cannot start an LTTng session daemon (lttng-sessiond --daemonize)";
                return;
            }
            std::ifstream pidFile(runDirectory() / "lttng-sessiond.pid");
            pidFile >> daemon_;
        }
        char templ[] = "/tmp/mpviz-lttng-XXXXXX";
        if (!::mkdtemp(templ)) {
            error_ = "cannot create a temporary directory for the trace";
            return;
        }
        dir_ = templ;
        name_ = "mpviz-bench-" + std::to_string(::getpid());
        const std::string s = " --session=" + name_;
        created_ = quietly("lttng create " + name_ + " --output=" + dir_.string());
        // Buffers large enough that no event is discarded: a full buffer would make the
        // tracepoint look cheaper than it is.
        if (!created_ ||
            !quietly("lttng enable-channel --userspace --subbuf-size=4M --num-subbuf=8" + s +
                     " bench") ||
            !quietly("lttng enable-event --userspace mpviz_bench:event --channel=bench" + s) ||
            !quietly("lttng start " + name_)) {
            error_ = "cannot set up an LTTng session (lttng create/enable-event/start)";
            return;
        }
        // The application learns of the enabled event from the session daemon a moment later.
        for (int i = 0; i < 200 && !lttng_ust_tracepoint_enabled(mpviz_bench, event); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (!lttng_ust_tracepoint_enabled(mpviz_bench, event))
            error_ = "the LTTng session did not enable the tracepoint within 10 s";
    }
    ~LttngSession() {
        if (created_) {
            quietly("lttng stop " + name_);
            quietly("lttng destroy " + name_);
        }
        if (daemon_ > 0 && ::kill(daemon_, SIGTERM) == 0) {
            // Not our child (it daemonized): gone once it no longer takes signals.
            for (int i = 0; i < 100 && ::kill(daemon_, 0) == 0; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
    }
    LttngSession(const LttngSession&) = delete;
    LttngSession& operator=(const LttngSession&) = delete;
    const std::string& error() const { return error_; }

  private:
    static std::filesystem::path runDirectory() {
        if (::geteuid() == 0) return "/var/run/lttng";
        const char* home = std::getenv("LTTNG_HOME");
        if (!home) home = std::getenv("HOME");
        return std::filesystem::path(home ? home : "/tmp") / ".lttng";
    }
    std::string name_, error_;
    std::filesystem::path dir_;
    pid_t daemon_ = 0;
    bool created_ = false;
};
#endif

// Each iteration times a block of mpviz events, then a block of tracepoints: both see the
// same machine at nearly the same moment, which matters on a loaded one.
void BM_EventInChildAgainstLttngUst(benchmark::State& state) {
#ifndef MPVIZ_HAVE_LTTNG
    state.SkipWithError("LTTng-UST is missing: built without liblttng-ust-dev "
                        "(apt-get install liblttng-ust-dev lttng-tools, then configure again)");
#else
    LttngSession session;
    if (!session.error().empty()) return state.SkipWithError(session.error().c_str());
    auto& rt = bench::childRuntime();
    const auto lock = rt.declare(trace::ObjectKind::Lock, "lock", 1);
    constexpr int kBlock = 10'000;
    using Clock = std::chrono::steady_clock;
    Clock::duration mpviz{}, lttng{};
    std::int64_t value = 0;
    for (auto _ : state) {
        const auto start = Clock::now();
        for (int i = 0; i < kBlock; ++i)
            rt.emit(trace::Op::Acquire, trace::Phase::Done, lock, ++value);
        const auto middle = Clock::now();
        for (int i = 0; i < kBlock; ++i)
            lttng_ust_tracepoint(mpviz_bench, event, std::uint8_t(trace::Op::Acquire),
                                 std::uint8_t(trace::Phase::Done), lock, ++value);
        const auto end = Clock::now();
        mpviz += middle - start;
        lttng += end - middle;
        state.SetIterationTime(std::chrono::duration<double>(end - start).count());
    }
    const double events = double(state.iterations()) * kBlock;
    const double mpvizNs = std::chrono::duration<double, std::nano>(mpviz).count() / events;
    const double lttngNs = std::chrono::duration<double, std::nano>(lttng).count() / events;
    state.counters["mpviz_ns"] = mpvizNs;
    state.counters["lttng_ust_ns"] = lttngNs;
    state.counters["ratio"] = mpvizNs / lttngNs; // target: <= 0.5
#endif
}
BENCHMARK(BM_EventInChildAgainstLttngUst)->Iterations(50)->UseManualTime();

} // namespace

BENCHMARK_MAIN();
