#pragma once
// multiprocessing.Semaphore: a process-shared POSIX sem_t in shared memory.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace mpviz::mp {

class Semaphore {
  public:
    explicit Semaphore(int value = 1, std::string name = "sem");
    static Semaphore attach(std::string_view handle);
    std::string handle() const;
    const std::string& name() const;

    bool acquire(bool block = true, std::optional<double> timeout = std::nullopt);
    void release();
    int get_value() const;

    void lock() { acquire(); }
    void unlock() { release(); }

    struct Impl;

  private:
    explicit Semaphore(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<Impl> impl_;
};

} // namespace mpviz::mp
