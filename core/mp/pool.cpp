#include "mp/pool.hpp"

#include "mp/pool_worker.hpp"
#include "mp/process.hpp"
#include "mp/queue.hpp"
#include "mp/runtime.hpp"

#include <map>

namespace mpviz::mp {

using namespace detail;

namespace {
constexpr char kSep = '\x1f'; // separates the fields of a task or result message

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto at = text.find(kSep, start);
        parts.push_back(text.substr(start, at - start));
        if (at == std::string::npos) return parts;
        start = at + 1;
    }
}

std::string callText(const std::string& function, const Args& args) {
    std::string out = function + "(";
    for (std::size_t i = 0; i < args.size(); ++i)
        out += (i ? ", " : "") + args.repr(i);
    return out + ")";
}
} // namespace

struct PoolImpl {
    std::string name;
    int processes;
    Queue tasks;
    Queue results;
    std::uint16_t id;
    std::vector<Process> workers;
    int nextTask = 0;
    std::map<int, std::string> finished;
    bool closed = false;
    bool joined = false;

    // The queues are the pool's own, unnamed: like CPython's they report nothing, so a
    // lesson shows what its Python listing shows under mpviz's shim.
    PoolImpl(int n, std::string name_)
        : name(std::move(name_)), processes(n), tasks(0, ""), results(0, ""),
          id(runtime().declare(ObjectKind::Pool, name, n)) {}

    // Results arrive in completion order; keep the ones other callers wait for.
    std::string take(int task, std::optional<double> timeout) {
        while (!finished.count(task)) {
            std::string message;
            try {
                message = results.get(true, timeout).value_or("");
            } catch (const Empty&) {
                throw TimeoutError();
            }
            const auto parts = split(message);
            finished[std::stoi(parts.at(0))] = parts.size() > 1 ? parts[1] : "";
        }
        return finished[task];
    }
};

// Waiting for a result is a get on the pool, as ApplyResult.get is for the shim.
std::string AsyncResult::get(std::optional<double> timeout) {
    auto& rt = runtime();
    rt.gate(Op::Get, pool_->id);
    if (!ready()) rt.emit(Op::Get, Phase::Blocked, pool_->id, 0, {}, timeout ? 1 : 0);
    std::string result;
    try {
        result = pool_->take(task_, timeout);
    } catch (const TimeoutError&) {
        rt.emit(Op::Get, Phase::Failed, pool_->id);
        throw;
    }
    rt.emit(Op::Get, Phase::Done, pool_->id, 0, result);
    return result;
}
bool AsyncResult::ready() const {
    return pool_->finished.count(task_) > 0;
}

std::optional<std::string> ImapIterator::next(std::optional<double> timeout) {
    if (next_ >= results_.size()) return std::nullopt;
    return results_[next_++].get(timeout);
}

Pool::Pool(int processes, std::string name) {
    if (processes < 1) throw std::invalid_argument("Number of processes must be at least 1");
    impl_ = std::make_shared<PoolImpl>(processes, std::move(name));
    for (int i = 0; i < processes; ++i) {
        Process worker(
            kPoolWorkerTarget, {impl_->tasks, impl_->results, impl_->name, processes},
            {.name = "", .daemon = true, .kind = "ForkPoolWorker", .worksFor = impl_->id});
        worker.start();
        impl_->workers.push_back(worker);
    }
}

Pool::~Pool() {
    if (!impl_->closed) terminate(); // as `with Pool(...)` does on leaving the block
}

AsyncResult Pool::submit(const std::string& function, std::vector<Arg> args) {
    if (impl_->closed) throw std::logic_error("Pool not running");
    const int task = impl_->nextTask++;
    std::string message = std::to_string(task) + kSep + function;
    for (const auto& a : args)
        message += kSep + a.encoded();
    runtime().emit(Op::Submit, Phase::Done, impl_->id, task, callText(function, Args(args)));
    impl_->tasks.put(message);
    return AsyncResult(impl_, task);
}

std::vector<std::string> Pool::collect(ImapIterator results) {
    std::vector<std::string> out;
    while (auto r = results.next())
        out.push_back(*r);
    return out;
}

ImapIterator Pool::submitEach(const std::string& function, const std::vector<Arg>& items) {
    std::vector<AsyncResult> results;
    for (const auto& item : items)
        results.push_back(submit(function, {item}));
    return ImapIterator(std::move(results));
}

void Pool::close() {
    if (impl_->closed) return;
    impl_->closed = true;
    for (int i = 0; i < impl_->processes; ++i)
        impl_->tasks.put(None); // one sentinel each
}

void Pool::join() {
    if (!impl_->closed) throw std::logic_error("Pool is still running: close() it first");
    for (auto& w : impl_->workers)
        w.join();
    impl_->joined = true;
}

void Pool::terminate() {
    impl_->closed = true;
    for (auto& w : impl_->workers)
        w.terminate();
    for (auto& w : impl_->workers)
        w.join();
}

namespace detail {

void poolWorkerMain(const Args& args) {
    auto tasks = args.object<Queue>(0);
    auto results = args.object<Queue>(1);
    auto& rt = runtime();
    const auto pool = rt.declare(ObjectKind::Pool, args.text(2), args.integer(3));
    for (;;) {
        const Item message = tasks.get();
        if (message == None) return; // the sentinel: the pool was closed
        const auto parts = split(*message);
        const int task = std::stoi(parts.at(0));
        const std::string& function = parts.at(1);
        std::vector<Arg> taskArgs;
        for (std::size_t i = 2; i < parts.size(); ++i)
            taskArgs.push_back(Arg::fromEncoded(parts[i]));
        const Args callArgs(std::move(taskArgs));
        rt.emit(Op::TaskStart, Phase::Done, pool, task, callText(function, callArgs));
        std::string result;
        if (const Target* target = rt.program().find(function); !target) {
            result = "error: no task function '" + function + "'";
        } else {
            try {
                result = target->run(callArgs);
            } catch (const std::exception& e) {
                result = std::string("error: ") + e.what();
            }
        }
        rt.emit(Op::TaskEnd, Phase::Done, pool, task, result);
        results.put(std::to_string(task) + kSep + result);
    }
}

} // namespace detail
} // namespace mpviz::mp
