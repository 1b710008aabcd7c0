#include "mp/print.hpp"

#include "mp/runtime.hpp"
#include "trace/clock.hpp"

#include <cerrno>
#include <cstdio>
#include <ctime>

namespace mpviz::mp {

using namespace detail;

void print_line(std::string_view line) {
    auto& rt = runtime();
    rt.gate(Op::Print);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    rt.emit(Op::Print, Phase::Done, trace::kNoObject, 0, line);
}

void sleep(double seconds) {
    auto& rt = runtime();
    const std::int64_t ns = scaledNs(seconds);
    rt.gate(Op::Sleep, trace::kNoObject, ns);
    rt.emit(Op::Sleep, Phase::Begin, trace::kNoObject, ns);
    // In step mode the grant is the passing of time: the sleep is over when it is granted.
    const std::int64_t until = rt.stepMode() ? 0 : trace::nowNs() + ns;
    const timespec at{static_cast<time_t>(until / 1'000'000'000),
                      static_cast<long>(until % 1'000'000'000)};
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, nullptr) == EINTR) {
    }
    rt.emit(Op::Sleep, Phase::Done, trace::kNoObject, ns);
}

namespace {
// Scenario time: the wall clock when the session began, plus the scenario seconds since.
std::time_t scenarioNow() {
    const auto& rt = runtime();
    const double elapsed = double(trace::nowNs() - rt.clockMonotonic0()) / 1e9 * rt.speed();
    return static_cast<std::time_t>(rt.clockWallEpoch() + static_cast<std::int64_t>(elapsed));
}
} // namespace

std::string strftime(const char* format) {
    const std::time_t now = scenarioNow();
    std::tm local{};
    localtime_r(&now, &local);
    char buf[128];
    const auto n = std::strftime(buf, sizeof buf, format, &local);
    return std::string(buf, n);
}

std::string ctime() {
    return strftime("%a %b %e %H:%M:%S %Y");
}

} // namespace mpviz::mp
