#include "mp/runtime.hpp"

#include "mp/line.hpp"
#include "trace/clock.hpp"
#include "wire/protocol.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace mpviz::mp::detail {

using trace::Op;
using trace::Phase;

namespace {
constexpr std::size_t kFlushThreshold = 64 * 1024;
// After a flush the flusher lets a burst gather this long before it sends again; the engine
// counts on it (EventSorter::kPromptWindowNs).
constexpr auto kFlushGather = std::chrono::milliseconds(1);

const char* envOr(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}
} // namespace

std::int64_t scaledNs(double seconds) {
    const double s = seconds / runtime().speed();
    return s <= 0 ? 0 : static_cast<std::int64_t>(s * 1e9);
}

std::string itemRepr(std::string_view item) {
    constexpr std::size_t kShown = 40;
    std::string out = "'";
    out.append(item.substr(0, kShown));
    if (item.size() > kShown) {
        out += "…' (" + std::to_string(item.size()) + " bytes)";
        return out;
    }
    return out + "'";
}

Runtime& Runtime::instance() {
    static Runtime* runtime = new Runtime(); // never destroyed: threads may still use it at exit
    return *runtime;
}

void Runtime::start(const Program& program, ProcessIdentity self) {
    program_ = &program;
    mainThread_ = std::this_thread::get_id();
    self_ = std::move(self);
    speed_ = std::strtod(envOr(wire::kEnvSpeed, "1"), nullptr);
    if (!(speed_ > 0)) speed_ = 1.0;
    params_ = Params::decode(envOr(wire::kEnvParams, ""));
    dir_ = envOr(wire::kEnvDir, "/tmp");
    session_ = envOr(wire::kEnvSession, "offline");
    childExe_ = envOr(wire::kEnvChild, "/proc/self/exe");
    scenario_ = envOr(wire::kEnvScenario, "");
    long long wall = 0, mono = 0;
    if (std::sscanf(envOr(wire::kEnvClock, ""), "%lld:%lld", &wall, &mono) == 2) {
        wall0_ = wall;
        mono0_ = mono;
    } else {
        wall0_ = std::time(nullptr);
        mono0_ = trace::nowNs();
    }
    stepMode_ = std::string_view(envOr(wire::kEnvStep, "0")) == "1";
    connectToEngine();
}

void Runtime::startOnSocket(int fd, ProcessIdentity self) {
    program_ = &emptyProgram_;
    mainThread_ = std::this_thread::get_id();
    self_ = std::move(self);
    fd_ = fd;
    sendHello();
    std::thread([this] { flusherLoop(); }).detach(); // as in connectToEngine
}

void Runtime::connectToEngine() {
    const char* path = std::getenv(wire::kEnvSocket);
    if (!path || !*path) return; // offline: a program run by hand, without an engine
    fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (std::strlen(path) >= sizeof addr.sun_path)
        throw std::runtime_error("engine socket path too long");
    std::strcpy(addr.sun_path, path);
    if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        throw std::runtime_error(std::string("cannot reach the mpviz engine at ") + path + ": " +
                                 std::strerror(errno));
    sendHello();
    awaitMode();
    // Both live as long as the process, which ends in _exit: detached, never joined (a
    // finished but unjoined thread is what ThreadSanitizer reports as a leak).
    std::thread([this] { flusherLoop(); }).detach();
    std::thread([this] { readerLoop(); }).detach();
}

void Runtime::sendHello() {
    std::vector<char> bytes;
    wire::Encoder(bytes).hello({wire::kVersion, int(::getpid()), int(::getppid()), self_.daemon,
                                wire::Runtime::Cpp, self_.name});
    writeAll(bytes);
}

std::string Runtime::newSharedName() {
    return "/mpviz-" + session_ + "-" + std::to_string(::getpid()) + "-" +
           std::to_string(++sharedCounter_);
}

std::uint16_t Runtime::declare(trace::ObjectKind kind, std::string_view name,
                               std::int64_t capacity) {
    std::lock_guard lock(objectsMutex_);
    auto key = std::make_pair(static_cast<int>(kind), std::string(name));
    if (auto it = objects_.find(key); it != objects_.end()) return it->second;
    const auto id = static_cast<std::uint16_t>(objects_.size());
    objects_.emplace(std::move(key), id);
    std::lock_guard buffer(bufferMutex_);
    wire::Encoder(buffer_).object({id, kind, capacity, trace::kNoValueType, name});
    return id;
}

void Runtime::emit(Op op, Phase phase, std::uint16_t object, std::int64_t value,
                   std::string_view text, std::int16_t extra) {
    if (fd_ < 0) return;
    bool urgent = phase == Phase::Blocked || phase == Phase::Failed || op == Op::Print ||
                  op == Op::Exit || phase == Phase::Intent;
    bool wake = false;
    const auto thread = threadNumber();
    // A lesson's line is a line of its listing, the one source file it declares.
    const int line = scenario_.empty() ? 0 : currentLine();
    {
        std::lock_guard lock(bufferMutex_);
        if (line > 0 && !listingDeclared_) {
            wire::Encoder(buffer_).source({kListingFile, lessonSourcePath(scenario_)});
            listingDeclared_ = true;
        }
        wire::Encoder(buffer_).event({trace::nowNs(), value, extra, op, phase, object, thread,
                                      line > 0 ? kListingFile : std::uint16_t(0),
                                      static_cast<std::uint32_t>(std::max(line, 0)), text});
        urgent = urgent || buffer_.size() >= kFlushThreshold;
        wake = flusherWaiting_ && !urgent;
        if (wake) flusherWaiting_ = false; // one wake-up is enough
    }
    if (urgent) flush();
    if (wake) flusherWake_.notify_one();
}

std::uint32_t Runtime::threadNumber() {
    constexpr auto kUnnumbered = UINT32_MAX;
    thread_local std::uint32_t number = kUnnumbered;
    if (number == kUnnumbered)
        number = std::this_thread::get_id() == mainThread_ ? 0 : ++threadsNumbered_;
    return number;
}

// The two buffers trade places, so the one events go into keeps its capacity: the hot
// path never grows a fresh vector after a flush.
void Runtime::flush() {
    if (fd_ < 0) return;
    std::lock_guard writing(writeMutex_); // keeps batches in order between threads
    {
        std::lock_guard lock(bufferMutex_);
        sending_.swap(buffer_);
    }
    if (!sending_.empty()) writeAll(sending_);
    sending_.clear();
}

void Runtime::writeAll(const std::vector<char>& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return; // the engine is gone; the process will be killed with it
        done += static_cast<std::size_t>(n);
    }
}

// Asleep while nothing is buffered (an idle process costs nothing); woken by the event
// that finds it so, it sends at once, then gathers for kFlushGather before looking again.
void Runtime::flusherLoop() {
    while (!stopping_) {
        {
            std::unique_lock lock(bufferMutex_);
            if (buffer_.empty()) {
                flusherWaiting_ = true;
                flusherWake_.wait(lock, [&] { return !flusherWaiting_; });
            }
        }
        flush();
        std::this_thread::sleep_for(kFlushGather);
    }
}

// What the engine says: mode changes and step grants.
struct Runtime::ReplyHandler {
    Runtime& rt;
    bool sawMode = false;
    void onHello(const wire::Hello&) {}
    void onObject(const wire::ObjectDecl&) {}
    void onEvent(const wire::EventRecord&) {}
    void onSource(const wire::SourceDecl&) {}
    void onGrant(std::uint32_t thread) {
        std::lock_guard lock(rt.gateMutex_);
        ++rt.grants_[thread];
        rt.gateCv_.notify_all();
    }
    void onMode(bool step) {
        std::lock_guard lock(rt.gateMutex_);
        rt.stepMode_ = step;
        ++rt.modeGeneration_;
        if (!step) rt.grants_.clear(); // run mode let everyone go; no grant is owed any more
        sawMode = true;
        rt.gateCv_.notify_all();
    }
};

// The engine answers a hello with the mode to start in: a process started after the class
// switched to step mode must gate its very first operation.
void Runtime::awaitMode() {
    ReplyHandler handler{*this};
    char chunk[4096];
    const auto giveUp = trace::nowNs() + 5'000'000'000LL;
    while (!handler.sawMode) {
        pollfd p{fd_, POLLIN, 0};
        const int left = static_cast<int>((giveUp - trace::nowNs()) / 1'000'000);
        if (left <= 0 || ::poll(&p, 1, left) <= 0) return; // keep MPVIZ_STEP's mode
        const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) return;
        replies_.append(chunk, static_cast<std::size_t>(n));
        replies_.erase(0, wire::decode(replies_, handler));
    }
}

void Runtime::readerLoop() {
    ReplyHandler handler{*this};
    char chunk[4096];
    for (;;) {
        try {
            replies_.erase(0, wire::decode(replies_, handler));
        } catch (const wire::ProtocolError&) {
            break;
        }
        const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        replies_.append(chunk, static_cast<std::size_t>(n));
    }
    // Without an engine nobody can grant: let the program run to its end.
    std::lock_guard lock(gateMutex_);
    stepMode_ = false;
    ++modeGeneration_;
    gateCv_.notify_all();
}

void Runtime::gate(Op op, std::uint16_t object, std::int64_t value) {
    if (!stepMode_) return;
    const auto thread = threadNumber();
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(gateMutex_);
        generation = modeGeneration_;
    }
    emit(op, Phase::Intent, object, value);
    std::unique_lock lock(gateMutex_);
    // A switch to run mode releases this intent even when step mode came straight back
    // (both switches may arrive before we wake): the engine forgot it at the first one.
    // Looked up each time: a switch to run mode clears every thread's grants.
    const auto granted = [&] {
        const auto it = grants_.find(thread);
        return it != grants_.end() && it->second > 0;
    };
    gateCv_.wait(lock, [&] { return granted() || !stepMode_ || modeGeneration_ != generation; });
    if (granted() && modeGeneration_ == generation) --grants_[thread];
}

void Runtime::addExitHook(std::function<void()> hook) {
    std::lock_guard lock(exitMutex_);
    exitHooks_.push_back(std::move(hook));
}

void Runtime::addChild(std::function<void()> terminateIfDaemon, std::function<void()> join) {
    std::lock_guard lock(exitMutex_);
    terminateDaemons_.push_back(std::move(terminateIfDaemon));
    joinChildren_.push_back(std::move(join));
}

// Python's _exit_function: daemonic children are terminated, the others joined, and
// only then the queues' feeder threads are joined (which is what can hang).
void Runtime::runExitSequence() {
    std::vector<std::function<void()>> terminate, join, hooks;
    {
        std::lock_guard lock(exitMutex_);
        terminate.swap(terminateDaemons_);
        join.swap(joinChildren_);
        hooks.swap(exitHooks_);
    }
    for (auto& t : terminate)
        t();
    for (auto& j : join)
        j();
    for (auto& h : hooks)
        h();
}

void Runtime::finish(int exitcode) {
    runExitSequence();
    std::fflush(stdout);
    emit(Op::Exit, Phase::Done, trace::kNoObject, exitcode);
    stopping_ = true;
    flush();
    std::fflush(stderr);
    ::_exit(exitcode & 0xff);
}

} // namespace mpviz::mp::detail
