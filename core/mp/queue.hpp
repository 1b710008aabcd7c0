#pragma once
// multiprocessing.Queue, built the way CPython builds it: items go to a process-local
// buffer, a feeder thread writes them into a real pipe (a FIFO in the session's
// directory), and a semaphore bounds maxsize. So a process that put a large item cannot
// exit before someone reads it: the deadlock-on-join of the tutorials, for real.

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace mpviz::mp {

struct Full : std::runtime_error {
    Full() : std::runtime_error("queue.Full") {}
};
struct Empty : std::runtime_error {
    Empty() : std::runtime_error("queue.Empty") {}
};

// A queue item: a str, or Python's None (the poison pill that tells a consumer to stop).
using Item = std::optional<std::string>;
inline constexpr std::nullopt_t None = std::nullopt;

class Queue {
  public:
    explicit Queue(int maxsize = 0, std::string name = "queue");
    static Queue attach(std::string_view handle);
    std::string handle() const;
    const std::string& name() const;

    // Throw Full / Empty when block=false or the timeout (seconds, scaled) passes.
    void put(const Item& item, bool block = true, std::optional<double> timeout = std::nullopt);
    Item get(bool block = true, std::optional<double> timeout = std::nullopt);
    int qsize() const; // items put and not yet taken
    bool empty() const { return qsize() == 0; }

    // JoinableQueue only (a plain Queue throws std::logic_error).
    void task_done();
    void join();

    struct Impl;

  protected:
    Queue(int maxsize, std::string name, bool joinable);
    explicit Queue(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<Impl> impl_;
};

class JoinableQueue : public Queue {
  public:
    explicit JoinableQueue(int maxsize = 0, std::string name = "tasks");
    static JoinableQueue attach(std::string_view handle);

  private:
    explicit JoinableQueue(Queue q) : Queue(std::move(q)) {}
};

} // namespace mpviz::mp
