#pragma once
// multiprocessing.Value / Array: numbers in shared memory. `v += n` is a read then a
// write, two operations, so another process can slip in between: lost updates are real.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mpviz::mp {

class Value {
  public:
    explicit Value(std::int64_t initial = 0, std::string name = "value");
    static Value attach(std::string_view handle);
    std::string handle() const;
    const std::string& name() const;

    std::int64_t get() const;         // a `read` event
    void set(std::int64_t v);         // a `write` event
    Value& operator+=(std::int64_t n) // read, then write: not atomic, as in Python
    {
        set(get() + n);
        return *this;
    }

    struct Impl;

  private:
    explicit Value(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<Impl> impl_;
};

class Array {
  public:
    Array(std::vector<std::int64_t> initial, std::string name = "array");
    static Array attach(std::string_view handle);
    std::string handle() const;
    const std::string& name() const;

    std::size_t size() const;
    std::int64_t get(std::size_t i) const;
    void set(std::size_t i, std::int64_t v);
    std::vector<std::int64_t> values() const; // arr[:]

    struct Impl;

  private:
    explicit Array(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<Impl> impl_;
};

} // namespace mpviz::mp
