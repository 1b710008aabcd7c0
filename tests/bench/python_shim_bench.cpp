// What mpviz's Python shim adds to an operation, end to end: the same loop (python_ops.py)
// run by the system's CPython bare and with the shim reporting to an engine socket (a
// stand-in that answers the hello and reads everything, as the engine does). The loop
// times itself; the counters are ns per operation (see sideBySide).
#include "engine/python_program.hpp"
#include "wire/protocol.hpp"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

using namespace mpviz;
namespace fs = std::filesystem;

namespace {

// Accepts every connection, answers its hello with run mode and reads until it closes.
class StandInEngine {
  public:
    StandInEngine() {
        dir_ = fs::temp_directory_path() / ("mpviz-bench-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        socketPath_ = (dir_ / "engine.sock").string();
        listener_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        socketPath_.copy(addr.sun_path, sizeof addr.sun_path - 1);
        if (::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
            ::listen(listener_, 16) != 0)
            throw std::runtime_error("cannot listen on " + socketPath_);
        std::thread([fd = listener_] {
            for (;;) {
                const int c = ::accept4(fd, nullptr, nullptr, SOCK_CLOEXEC);
                if (c < 0) return;
                std::thread(serve, c).detach();
            }
        }).detach();
    }
    ~StandInEngine() {
        ::shutdown(listener_, SHUT_RDWR);
        ::close(listener_);
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    const std::string& socketPath() const { return socketPath_; }

  private:
    struct Handler {
        int fd;
        void onHello(const wire::Hello&) {
            std::vector<char> bytes;
            wire::Encoder(bytes).mode(false);
            [[maybe_unused]] auto n = ::write(fd, bytes.data(), bytes.size());
        }
        void onObject(const wire::ObjectDecl&) {}
        void onEvent(const wire::EventRecord&) {}
        void onSource(const wire::SourceDecl&) {}
        void onGrant(std::uint32_t) {}
        void onMode(bool) {}
    };
    static void serve(int fd) {
        Handler handler{fd};
        std::string pending;
        char chunk[1 << 16];
        ssize_t n;
        while ((n = ::read(fd, chunk, sizeof chunk)) > 0) {
            pending.append(chunk, static_cast<std::size_t>(n));
            pending.erase(0, wire::decode(pending, handler));
        }
        ::close(fd);
    }
    fs::path dir_;
    std::string socketPath_;
    int listener_ = -1;
};

struct LoopCost {
    double wallNs = 0;
    double cpuNs = 0;
};

enum class Shim { None, Native, PurePython };

// Runs python_ops.py and returns what it measured per operation.
LoopCost loopCost(const std::string& which, int count, Shim shim, const StandInEngine& engine) {
    std::string command = "env";
    if (shim != Shim::None) {
        const auto dir = engine::pythonShimDirectory(MPVIZ_BIN_DIR);
        command += " PYTHONPATH=" + dir.string() + " MPVIZ_SOCKET=" + engine.socketPath() +
                   " MPVIZ_SESSION=bench_" + std::to_string(::getpid()) +
                   " MPVIZ_PYTHON_MAIN=1 MPVIZ_SPEED=1";
        if (shim == Shim::PurePython) command += " MPVIZ_PURE_PYTHON=1";
    }
    command += " " + engine::defaultPythonInterpreter().string() +
               " " MPVIZ_BENCH_DIR "/python_ops.py " + which + " " + std::to_string(count);
    FILE* out = ::popen(command.c_str(), "r");
    if (!out) throw std::runtime_error("cannot run " + command);
    char name[16] = {};
    LoopCost cost;
    const int fields = std::fscanf(out, "%15s %lf %lf", name, &cost.wallNs, &cost.cpuNs);
    if (::pclose(out) != 0 || fields != 3) throw std::runtime_error("failed: " + command);
    return cost;
}

// Each iteration runs the loop bare, with the shim (its C recorder) and with the shim in pure
// Python, one after the other, so that all three see the same machine. A loop does two
// operations per round (acquire+release, put+get); the counters are per operation, in CPU
// time of the whole Python process (the shim's flusher thread included).
void sideBySide(benchmark::State& state, const std::string& which, int count) {
    static StandInEngine engine;
    LoopCost bare, native, pure;
    for (auto _ : state) {
        const auto b = loopCost(which, count, Shim::None, engine);
        const auto n = loopCost(which, count, Shim::Native, engine);
        const auto p = loopCost(which, count, Shim::PurePython, engine);
        bare.cpuNs += b.cpuNs, native.cpuNs += n.cpuNs, pure.cpuNs += p.cpuNs;
        bare.wallNs += b.wallNs, native.wallNs += n.wallNs, pure.wallNs += p.wallNs;
        state.SetIterationTime(n.wallNs * 1e-9);
    }
    const auto perOp = 2.0 * static_cast<double>(state.iterations());
    state.counters["bare_cpu_ns"] = bare.cpuNs / perOp;
    state.counters["shim_cpu_ns"] = native.cpuNs / perOp;
    state.counters["added_cpu_ns"] = (native.cpuNs - bare.cpuNs) / perOp;
    state.counters["added_wall_ns"] = (native.wallNs - bare.wallNs) / perOp;
    state.counters["pure_added_cpu_ns"] = (pure.cpuNs - bare.cpuNs) / perOp;
}

void BM_PythonLockAcquireRelease(benchmark::State& s) {
    sideBySide(s, "lock", 300000);
}
void BM_PythonQueuePutGet(benchmark::State& s) {
    sideBySide(s, "queue", 20000);
}

} // namespace

BENCHMARK(BM_PythonLockAcquireRelease)->UseManualTime()->Iterations(5)->Unit(benchmark::kNanosecond);
BENCHMARK(BM_PythonQueuePutGet)->UseManualTime()->Iterations(5)->Unit(benchmark::kNanosecond);

BENCHMARK_MAIN();
