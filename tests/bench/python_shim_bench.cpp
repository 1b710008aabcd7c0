// What mpviz's Python shim adds to an operation, end to end: the same loop (python_ops.py)
// run by the system's CPython bare and with the shim reporting to an engine socket (a
// stand-in that answers the hello and reads everything, as the engine does). The loop
// times itself; counters: ns per operation (acquire+release, put+get) for each.
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
        void onGrant() {}
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

// Runs python_ops.py and returns the ns per operation it measured.
double loopNs(const std::string& which, int count, const StandInEngine* engine) {
    std::string command = "env";
    if (engine) {
        const auto shim = engine::pythonShimDirectory(MPVIZ_BIN_DIR);
        command += " PYTHONPATH=" + shim.string() + " MPVIZ_SOCKET=" + engine->socketPath() +
                   " MPVIZ_SESSION=bench_" + std::to_string(::getpid()) +
                   " MPVIZ_PYTHON_MAIN=1 MPVIZ_SPEED=1";
    }
    command += " " + engine::defaultPythonInterpreter().string() + " " MPVIZ_BENCH_DIR
               "/python_ops.py " + which + " " + std::to_string(count);
    FILE* out = ::popen(command.c_str(), "r");
    if (!out) throw std::runtime_error("cannot run " + command);
    char name[16] = {};
    double ns = 0;
    const int fields = std::fscanf(out, "%15s %lf", name, &ns);
    if (::pclose(out) != 0 || fields != 2) throw std::runtime_error("failed: " + command);
    return ns;
}

void runLoop(benchmark::State& state, const std::string& which, int count, bool shim) {
    static StandInEngine engine;
    double total = 0;
    for (auto _ : state) {
        const double ns = loopNs(which, count, shim ? &engine : nullptr);
        total += ns;
        state.SetIterationTime(ns * 1e-9);
    }
    state.counters["ns_per_op"] = total / static_cast<double>(state.iterations());
}

void BM_PythonLockBare(benchmark::State& s) {
    runLoop(s, "lock", 300000, false);
}
void BM_PythonLockWithShim(benchmark::State& s) {
    runLoop(s, "lock", 300000, true);
}
void BM_PythonQueueBare(benchmark::State& s) {
    runLoop(s, "queue", 20000, false);
}
void BM_PythonQueueWithShim(benchmark::State& s) {
    runLoop(s, "queue", 20000, true);
}

} // namespace

// Side by side in one run, bare first: `ns_per_op` of each pair differ by what the shim adds.
BENCHMARK(BM_PythonLockBare)->UseManualTime()->Iterations(3)->Unit(benchmark::kNanosecond);
BENCHMARK(BM_PythonLockWithShim)->UseManualTime()->Iterations(3)->Unit(benchmark::kNanosecond);
BENCHMARK(BM_PythonQueueBare)->UseManualTime()->Iterations(3)->Unit(benchmark::kNanosecond);
BENCHMARK(BM_PythonQueueWithShim)->UseManualTime()->Iterations(3)->Unit(benchmark::kNanosecond);

BENCHMARK_MAIN();
