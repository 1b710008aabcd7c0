#pragma once
// A function a child runs: a Process's `target=` or a Pool's task. Its parameters are typed
// as the Python `def` names them (`void worker(Semaphore sem, double hold)` mirrors
// `def worker(sem, hold)`), so a scenario never reads its arguments by position. The child
// is a fresh program: it finds the function by the name it was registered under (the
// listing's function name) and decodes the arguments that crossed as text into those types.

#include "mp/args.hpp"

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace mpviz::mp {

// Python's `args=(…)`: `mp::args(sem, hold)`. The types travel with the list, so that a
// Process or a Pool task is checked at compile time against what its function declares.
template <class... A> struct ArgList { std::vector<Arg> values; };
template <class... A> ArgList<std::decay_t<A>...> args(A&&... values) {
    return {{Arg(std::forward<A>(values))...}};
}

namespace detail {

// A function's identity, whatever its signature: Process(worker, …) finds worker's name by it.
using FunctionId = void (*)();
template <class R, class... P> FunctionId functionId(R (*function)(P...)) {
    return reinterpret_cast<FunctionId>(function);
}
// The name the running scenario registered the function under; throws std::logic_error
// for a function it did not register.
const std::string& registeredName(FunctionId function);

template <class T> T argumentAs(const Args& a, std::size_t i) {
    if constexpr (std::is_same_v<T, bool>)
        return a.flag(i);
    else if constexpr (std::is_integral_v<T>)
        return static_cast<T>(a.integer(i));
    else if constexpr (std::is_floating_point_v<T>)
        return static_cast<T>(a.number(i));
    else if constexpr (std::is_same_v<T, std::string>)
        return a.text(i);
    else
        return a.template object<T>(i);
}

// What a task's return value looks like in the results Python prints: 9, 2.5, 'x'.
template <class R> std::string resultText(const R& value) {
    if constexpr (std::is_same_v<R, std::string>)
        return value;
    else
        return std::to_string(value);
}

template <class R, class... P, std::size_t... I>
std::string callWith(R (*function)(P...), const Args& a, std::index_sequence<I...>) {
    if (a.size() != sizeof...(P))
        throw std::invalid_argument("takes " + std::to_string(sizeof...(P)) + " arguments but " +
                                    std::to_string(a.size()) + " were given");
    if constexpr (std::is_void_v<R>) {
        function(argumentAs<std::remove_cvref_t<P>>(a, I)...);
        return {};
    } else {
        return resultText(function(argumentAs<std::remove_cvref_t<P>>(a, I)...));
    }
}

// True when a call with arguments of types A… may go to a function taking P….
template <class Params, class Given> struct Accepts : std::false_type {};
template <class... P, class... A>
requires(sizeof...(P) == sizeof...(A)) struct Accepts<std::tuple<P...>, std::tuple<A...>>
    : std::bool_constant<(std::is_convertible_v<A, std::remove_cvref_t<P>> && ...)> {
};

} // namespace detail

template <class R, class... P, class... A>
constexpr void checkCall(R (*)(P...), const ArgList<A...>&) {
    static_assert(detail::Accepts<std::tuple<P...>, std::tuple<A...>>::value,
                  "the arguments do not match the target's parameters");
}

// Python's f.__name__, for a registered function.
template <class R, class... P> const std::string& function_name(R (*function)(P...)) {
    return detail::registeredName(detail::functionId(function));
}

class Target {
  public:
    template <class R, class... P>
    Target(std::string name, R (*function)(P...))
        : name_(std::move(name)), id_(detail::functionId(function)), arity_(sizeof...(P)),
          run_([function](const Args& a) {
              return detail::callWith(function, a, std::index_sequence_for<P...>{});
          }) {}

    const std::string& name() const { return name_; }
    std::size_t arity() const { return arity_; } // the Python def's parameter count
    bool is(detail::FunctionId id) const { return id == id_; }
    // Runs the function on arguments received as text; a task's result as Python shows it.
    std::string run(const Args& arguments) const { return run_(arguments); }

  private:
    std::string name_;
    detail::FunctionId id_;
    std::size_t arity_;
    std::function<std::string(const Args&)> run_;
};

} // namespace mpviz::mp
