#pragma once
// multiprocessing.Lock: a process-shared robust pthread mutex in shared memory.
// A holder that dies leaves the lock "owner died"; the next acquirer recovers it.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace mpviz::mp {

class SharedSegment;

class Lock {
  public:
    explicit Lock(std::string name = "lock");
    static Lock attach(std::string_view handle);
    std::string handle() const;
    const std::string& name() const;

    // Blocks until held; with block=false or a timeout (seconds), may return false.
    bool acquire(bool block = true, std::optional<double> timeout = std::nullopt);
    void release();

    // BasicLockable, so `std::lock_guard guard(lock);` reads like Python's `with lock:`.
    void lock() { acquire(); }
    void unlock() { release(); }

    struct Impl;

  private:
    explicit Lock(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<Impl> impl_;
};

} // namespace mpviz::mp
