#pragma once
// The per-process runtime behind the mp API: the connection to the engine, the event
// buffer, the shared objects this process declared, its children, and what it must do
// before it exits (Python's _exit_function). Internal to core/mp.

#include "mp/program.hpp"
#include "trace/event.hpp"
#include "wire/session_env.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace mpviz::mp::detail {

// The trace's words, in every primitive's implementation (`using namespace detail;`).
using trace::ObjectKind;
using trace::Op;
using trace::Phase;

// Thrown by mp::exit(code) and caught where the process's program is run.
struct ExitRequest {
    int code;
};

struct ProcessIdentity {
    std::string name = "MainProcess";
    std::string identity; // "" for MainProcess, "1", "1:2", … as Python's _identity
    bool daemon = false;
};

class Runtime {
  public:
    static Runtime& instance();

    // Connects to the engine named in the environment and says hello. Without an engine
    // (MPVIZ_SOCKET unset) events are dropped and objects still work.
    void start(const Program& program, ProcessIdentity self);
    // For benchmarks and tests: stream events into an already connected socket.
    void startOnSocket(int fd, ProcessIdentity self);

    // Runs Python's exit sequence, records the exit and ends the process.
    [[noreturn]] void finish(int exitcode);

    const Program& program() const { return *program_; }
    const Params& params() const { return params_; }
    double speed() const { return speed_; }
    const std::filesystem::path& sessionDir() const { return dir_; }
    const std::string& sessionId() const { return session_; }
    const std::filesystem::path& childExecutable() const { return childExe_; }
    const std::string& scenario() const { return scenario_; }
    const ProcessIdentity& self() const { return self_; }
    std::int64_t clockWallEpoch() const { return wall0_; }
    std::int64_t clockMonotonic0() const { return mono0_; }

    // "/mpviz-<session>-<pid>-<n>": unique, and the engine unlinks every name with the
    // session's prefix when the run ends.
    std::string newSharedName();
    // The local id this process uses for the object in its events.
    std::uint16_t declare(trace::ObjectKind kind, std::string_view name, std::int64_t capacity);

    // Records an operation. Cheap (buffered); Blocked, Print, Failed and Exit go out at once
    // because the process may block or die right after.
    void emit(trace::Op op, trace::Phase phase, std::uint16_t object = trace::kNoObject,
              std::int64_t value = 0, std::string_view text = {}, std::int16_t extra = 0);
    void flush();

    // Step mode: announce the intent and wait for the engine's grant to this thread (several
    // threads of one process may wait at once). Run mode: nothing.
    void gate(trace::Op op, std::uint16_t object = trace::kNoObject, std::int64_t value = 0);
    bool stepMode() const { return stepMode_; }

    // Children and exit duties.
    int nextChildNumber() { return ++childCounter_; }
    void addExitHook(std::function<void()> hook);
    void addChild(std::function<void()> terminateIfDaemon, std::function<void()> join);

  private:
    Runtime() = default;
    void connectToEngine();
    void sendHello();
    void flusherLoop();
    void readerLoop();
    void awaitMode();
    struct ReplyHandler;
    void writeAll(const std::vector<char>& bytes);
    void runExitSequence();
    // This thread's number on the wire: 0 for the thread that started the runtime, then
    // 1, 2, … in the order threads first record something (a queue's feeder, a pool's).
    std::uint32_t threadNumber();

    const Program* program_ = nullptr;
    Program emptyProgram_;
    Params params_;
    double speed_ = 1.0;
    std::filesystem::path dir_;
    std::string session_ = "offline";
    std::filesystem::path childExe_;
    std::string scenario_;
    ProcessIdentity self_;
    std::int64_t wall0_ = 0;
    std::int64_t mono0_ = 0;

    int fd_ = -1;
    std::mutex bufferMutex_;
    std::vector<char> buffer_;
    // The lesson's listing, declared with the first event that names one of its lines.
    static constexpr std::uint16_t kListingFile = 1;
    bool listingDeclared_ = false; // guarded by bufferMutex_
    // The flusher waits for the next event (guarded by bufferMutex_).
    bool flusherWaiting_ = false;
    std::condition_variable flusherWake_;
    std::mutex writeMutex_;
    std::vector<char> sending_; // the batch being written (guarded by writeMutex_)
    std::atomic<bool> stopping_{false};
    std::thread::id mainThread_;
    std::atomic<std::uint32_t> threadsNumbered_{0};

    // Step gate.
    std::string replies_; // bytes from the engine not yet decoded
    std::mutex gateMutex_;
    std::condition_variable gateCv_;
    std::atomic<bool> stepMode_{false};
    std::map<std::uint32_t, int> grants_; // per thread, not yet used
    std::uint64_t modeGeneration_ = 0;    // bumped by every mode switch (guarded by gateMutex_)

    std::mutex objectsMutex_;
    std::map<std::pair<int, std::string>, std::uint16_t> objects_;
    std::atomic<int> sharedCounter_{0};
    int childCounter_ = 0;

    std::mutex exitMutex_;
    std::vector<std::function<void()>> exitHooks_;
    std::vector<std::function<void()>> terminateDaemons_;
    std::vector<std::function<void()>> joinChildren_;
};

inline Runtime& runtime() {
    return Runtime::instance();
}

// Seconds of scenario time → a real duration in ns, scaled by the speed factor.
std::int64_t scaledNs(double seconds);

// Python's repr() of an item, shortened so a 1 MB item does not travel in every event.
std::string itemRepr(std::string_view item);

} // namespace mpviz::mp::detail
