#pragma once
// The session's one clock. Every process stamps its events with it, the engine checks and
// ends processes by it, and the window's "now" line reads it: CLOCK_MONOTONIC is the same
// clock in every process of the machine, so their times compare without translation.

#include <cstdint>
#include <ctime>

namespace mpviz::trace {

inline std::int64_t nowNs() {
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

} // namespace mpviz::trace
