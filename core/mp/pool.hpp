#pragma once
// multiprocessing.Pool: n worker processes (ForkPoolWorker-N, as CPython names them on Linux) fed
// through a real task queue; results come back through a result queue.

#include "mp/args.hpp"
#include "mp/target.hpp"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace mpviz::mp {

class Pool;

class AsyncResult {
  public:
    std::string get(std::optional<double> timeout = std::nullopt); // throws TimeoutError
    bool ready() const;
    int task() const { return task_; }

  private:
    friend class Pool;
    AsyncResult(std::shared_ptr<struct PoolImpl> pool, int task)
        : pool_(std::move(pool)), task_(task) {}
    std::shared_ptr<struct PoolImpl> pool_;
    int task_;
};

struct TimeoutError : std::runtime_error {
    TimeoutError() : std::runtime_error("multiprocessing.TimeoutError") {}
};

// pool.imap: results in order, each as soon as it is ready.
class ImapIterator {
  public:
    std::optional<std::string> next(std::optional<double> timeout = std::nullopt);

  private:
    friend class Pool;
    explicit ImapIterator(std::vector<AsyncResult> results) : results_(std::move(results)) {}
    std::vector<AsyncResult> results_;
    std::size_t next_ = 0;
};

class Pool {
  public:
    explicit Pool(int processes, std::string name = "pool");
    ~Pool();

    // The function must be one of the scenario's registered targets; results come back as
    // the text Python would print for them.
    template <class R, class... P, class... A>
    AsyncResult apply_async(R (*function)(P...), ArgList<A...> arguments = {}) {
        checkCall(function, arguments);
        return submit(function_name(function), std::move(arguments.values));
    }
    template <class R, class P, class Item>
    std::vector<std::string> map(R (*function)(P), const std::vector<Item>& items) {
        return collect(imap(function, items));
    }
    template <class R, class P, class Item>
    ImapIterator imap(R (*function)(P), const std::vector<Item>& items) {
        static_assert(std::is_convertible_v<Item, std::remove_cvref_t<P>>,
                      "the items do not match the function's parameter");
        return submitEach(function_name(function), std::vector<Arg>(items.begin(), items.end()));
    }

    void close();     // no more tasks: each worker gets a sentinel
    void join();      // wait for the workers to exit (after close)
    void terminate(); // SIGTERM every worker

  private:
    AsyncResult submit(const std::string& function, std::vector<Arg> args);
    ImapIterator submitEach(const std::string& function, const std::vector<Arg>& items);
    static std::vector<std::string> collect(ImapIterator results);
    std::shared_ptr<PoolImpl> impl_;
};

} // namespace mpviz::mp
