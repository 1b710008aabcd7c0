// The names the trace format and the user interface use for the model's enums. One table
// per enum, indexed by its value, so a new enumerator without a name fails to compile.

#include "trace/event.hpp"
#include "trace/trace.hpp"

#include <array>
#include <cstddef>

namespace mpviz::trace {
namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(Op::Count)> kOpNames = {
    "start",   "join",    "terminate", "exit",       "print",      "sleep",
    "acquire", "release", "set",       "clear",      "wait",       "put",
    "get",     "send",    "recv",      "submit",     "task_start", "task_end",
    "read",    "write",   "task_done", "queue_join", "flush",      "deadlock"};

constexpr std::array<std::string_view, 5> kPhaseNames = {"intent", "blocked", "done", "begin",
                                                         "failed"};

constexpr std::array<std::string_view, static_cast<std::size_t>(ObjectKind::Count)> kKindNames = {
    "lock", "semaphore", "event", "queue", "joinable_queue", "pipe", "pool", "value", "array"};

constexpr std::array<std::string_view, static_cast<std::size_t>(Runtime::Count)> kRuntimeNames = {
    "cpp", "python"};

constexpr std::array<std::string_view, 5> kStateNames = {"not started", "running", "sleeping",
                                                         "blocked", "exited"};

constexpr std::array<std::string_view, 5> kOutcomeNames = {"running", "completed", "deadlock",
                                                           "timeout", "stopped"};

template <class Enum, std::size_t N>
std::string_view nameIn(const std::array<std::string_view, N>& names, Enum value) {
    const auto i = static_cast<std::size_t>(value);
    return i < N ? names[i] : std::string_view("unknown");
}

template <class Enum, std::size_t N>
std::optional<Enum> valueIn(const std::array<std::string_view, N>& names, std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name) return static_cast<Enum>(i);
    return std::nullopt;
}

} // namespace

std::string_view opName(Op op) {
    return nameIn(kOpNames, op);
}
std::optional<Op> opFromName(std::string_view name) {
    return valueIn<Op>(kOpNames, name);
}
std::string_view phaseName(Phase phase) {
    return nameIn(kPhaseNames, phase);
}
std::string_view objectKindName(ObjectKind kind) {
    return nameIn(kKindNames, kind);
}
std::optional<ObjectKind> objectKindFromName(std::string_view name) {
    return valueIn<ObjectKind>(kKindNames, name);
}
std::string_view runtimeName(Runtime runtime) {
    return nameIn(kRuntimeNames, runtime);
}
std::optional<Runtime> runtimeFromName(std::string_view name) {
    return valueIn<Runtime>(kRuntimeNames, name);
}
std::string_view stateName(State s) {
    return nameIn(kStateNames, s);
}
std::string_view outcomeName(Outcome o) {
    return nameIn(kOutcomeNames, o);
}
std::optional<Outcome> outcomeFromName(std::string_view name) {
    return valueIn<Outcome>(kOutcomeNames, name);
}

} // namespace mpviz::trace
