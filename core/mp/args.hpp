#pragma once
// What a parent hands a child: Python pickles a target's arguments; we spawn a fresh
// program, so arguments travel as text on the child's command line. Shared objects
// travel as a handle the child attaches to (the same shared memory, the same FIFO).

#include <concepts>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mpviz::mp {

// Anything a child can attach to: Lock, Semaphore, Event, Queue, Connection, Value, Array.
template <class T>
concept Shareable = requires(const T& t, std::string_view h) {
    { t.handle() } -> std::convertible_to<std::string>;
    { T::attach(h) } -> std::same_as<T>;
};

class Arg {
  public:
    Arg(int v) : encoded_("i:" + std::to_string(v)) {}
    Arg(std::int64_t v) : encoded_("i:" + std::to_string(v)) {}
    Arg(double v);
    Arg(bool v) : encoded_(v ? "b:1" : "b:0") {}
    Arg(const char* v) : encoded_(std::string("s:") + v) {}
    Arg(std::string v) : encoded_("s:" + std::move(v)) {}
    template <Shareable T> Arg(const T& object) : encoded_("o:" + object.handle()) {}

    static Arg fromEncoded(std::string encoded);
    const std::string& encoded() const { return encoded_; }

  private:
    Arg() = default;
    std::string encoded_;
};

// A target's arguments, by position, as Python's `args=(…)`.
class Args {
  public:
    Args() = default;
    explicit Args(std::vector<Arg> args) : args_(std::move(args)) {}

    std::size_t size() const { return args_.size(); }
    std::int64_t integer(std::size_t i) const;
    double number(std::size_t i) const; // accepts integers too
    bool flag(std::size_t i) const;
    std::string text(std::size_t i) const;
    template <Shareable T> T object(std::size_t i) const { return T::attach(handle(i)); }

    // Python's repr of argument i, for listings such as "f(3)".
    std::string repr(std::size_t i) const;
    const std::vector<Arg>& all() const { return args_; }

  private:
    std::string_view handle(std::size_t i) const;
    const Arg& at(std::size_t i) const;
    std::vector<Arg> args_;
};

// The scenario's parameters (`--set k=v`), with the defaults already filled in.
class Params {
  public:
    Params() = default;
    explicit Params(std::map<std::string, std::string> values) : values_(std::move(values)) {}
    std::int64_t integer(const std::string& name) const;
    double number(const std::string& name) const;
    bool flag(const std::string& name) const;
    std::string text(const std::string& name) const;
    const std::map<std::string, std::string>& values() const { return values_; }

    std::string encode() const;                  // "k=v;k=v" for the environment
    static Params decode(std::string_view text); // the inverse

  private:
    const std::string& raw(const std::string& name) const;
    std::map<std::string, std::string> values_;
};

} // namespace mpviz::mp
