#include "mp/process.hpp"

#include "mp/runtime.hpp"
#include "mp/spawn.hpp"

#include <csignal>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace mpviz::mp {

using namespace detail;

struct Process::State {
    std::string target;
    std::vector<Arg> args;
    std::string name;
    std::string identity;
    bool daemon = false;
    std::uint16_t worksFor = trace::kNoObject;
    bool started = false;
    SpawnedProcess child;
    std::mutex mutex;
};

namespace {
// Python's active_children() lists what this process started; only its main thread starts.
std::vector<std::weak_ptr<Process::State>>& startedChildren() {
    static std::vector<std::weak_ptr<Process::State>> children;
    return children;
}

bool exitKnown(const Process::State& s) {
    return s.child.exitcode().has_value();
}

// Python's Popen.poll(): the exit code once the child has ended. The first time an exit is
// seen outside join() (is_alive, exitcode, terminate, and the clean-up that start(),
// active_children() and the exit sequence do) it is recorded as a join, as mpviz's Python
// shim records it: the parent has reaped that child there.
std::optional<int> poll(Process::State& s) {
    const bool known = exitKnown(s);
    const auto code = s.child.wait(0);
    if (code && !known)
        runtime().emit(Op::Join, Phase::Done, trace::kNoObject, s.child.pid(), s.name,
                       static_cast<std::int16_t>(*code));
    return code;
}

// multiprocessing's _cleanup(): every child that has ended is reaped.
void reapEnded() {
    for (const auto& weak : startedChildren())
        if (auto s = weak.lock(); s && !exitKnown(*s)) poll(*s);
}
} // namespace

namespace detail {
const std::string& registeredName(FunctionId function) {
    return runtime().program().nameOf(function);
}
} // namespace detail

Process::Process(std::string target, std::vector<Arg> args, ProcessOptions options)
    : state_(std::make_shared<State>()) {
    auto& rt = runtime();
    state_->target = std::move(target);
    state_->args = std::move(args);
    const auto& parent = rt.self().identity;
    state_->identity = (parent.empty() ? "" : parent + ":") + std::to_string(rt.nextChildNumber());
    state_->name = options.name.empty() ? options.kind + "-" + state_->identity : options.name;
    state_->daemon = options.daemon;
    state_->worksFor = options.worksFor;
}

void Process::start() {
    auto& rt = runtime();
    std::lock_guard lock(state_->mutex);
    if (state_->started) throw std::logic_error("cannot start a process twice");
    rt.gate(Op::Start);
    reapEnded();
    SpawnRequest request;
    request.executable = rt.childExecutable();
    request.args = {
        "--scenario", rt.scenario(), "--target",       state_->target, "--name",
        state_->name, "--identity",  state_->identity, "--daemon",     state_->daemon ? "1" : "0"};
    for (const auto& a : state_->args) {
        request.args.push_back("--arg");
        request.args.push_back(a.encoded());
    }
    rt.flush(); // the child's first events must not overtake ours
    state_->child = SpawnedProcess::spawn(request);
    state_->started = true;
    rt.emit(Op::Start, Phase::Done, state_->worksFor, state_->child.pid(), state_->name);

    startedChildren().push_back(state_);
    // Strong references, as Python's _children: a child whose Process object went out of
    // scope is still joined (or terminated, if daemonic) when this process exits. As in
    // _exit_function, the ended ones are reaped first and only those still running are
    // terminated (daemons) or joined.
    rt.addChild(
        [s = state_] {
            if (!exitKnown(*s) && !poll(*s) && s->daemon) Process(s).terminate();
        },
        [s = state_] {
            if (!exitKnown(*s) && !poll(*s)) Process(s).join();
        });
}

bool Process::join(std::optional<double> timeout) {
    auto& rt = runtime();
    auto& s = *state_;
    if (!s.started) throw std::logic_error("can only join a started process");
    rt.gate(Op::Join, trace::kNoObject, s.child.pid());
    auto code = s.child.wait(0);
    if (!code) {
        rt.emit(Op::Join, Phase::Blocked, trace::kNoObject, s.child.pid(), s.name, timeout ? 1 : 0);
        const int ms = timeout ? static_cast<int>(scaledNs(*timeout) / 1'000'000) : -1;
        code = s.child.wait(ms);
        if (!code) {
            rt.emit(Op::Join, Phase::Failed, trace::kNoObject, s.child.pid(), s.name);
            return false;
        }
    }
    rt.emit(Op::Join, Phase::Done, trace::kNoObject, s.child.pid(), s.name,
            static_cast<std::int16_t>(*code));
    return true;
}

bool Process::is_alive() const {
    if (!state_->started) return false;
    return !poll(*state_);
}

void Process::terminate() {
    auto& rt = runtime();
    if (!state_->started || poll(*state_)) return;
    rt.gate(Op::Terminate, trace::kNoObject, state_->child.pid());
    rt.emit(Op::Terminate, Phase::Done, trace::kNoObject, state_->child.pid(), state_->name);
    state_->child.signal(SIGTERM);
}

std::optional<int> Process::exitcode() const {
    if (!state_->started) return std::nullopt;
    return poll(*state_);
}

int Process::pid() const {
    return state_->child.pid();
}
const std::string& Process::name() const {
    return state_->name;
}
bool Process::daemon() const {
    return state_->daemon;
}

void Process::set_daemon(bool daemon) {
    if (state_->started) throw std::logic_error("daemon must be set before start()");
    state_->daemon = daemon;
}

std::string Process::repr() const {
    std::string status = !state_->started ? "initial"
                         : is_alive()     ? "started"
                                          : "stopped exitcode=" + std::to_string(*exitcode());
    std::string out = "<Process name='" + state_->name + "'";
    if (state_->started) out += " pid=" + std::to_string(pid());
    out += " parent=" + std::to_string(::getpid()) + " " + status;
    if (state_->daemon) out += " daemon";
    return out + ">";
}

const CurrentProcess& current_process() {
    static const CurrentProcess self = [] {
        const auto& s = runtime().self();
        return CurrentProcess{s.name, ::getpid(), s.daemon};
    }();
    return self;
}

std::vector<Process> active_children() {
    reapEnded();
    std::vector<Process> alive;
    for (const auto& weak : startedChildren())
        if (auto s = weak.lock(); s && Process(s).is_alive()) alive.emplace_back(s);
    return alive;
}

int cpu_count() {
    const auto n = std::thread::hardware_concurrency();
    return n ? static_cast<int>(n) : 1;
}

[[noreturn]] void exit(int code) {
    throw ExitRequest{code};
}

} // namespace mpviz::mp
