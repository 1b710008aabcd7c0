#include "trace/exit_status.hpp"

#include <csignal>

namespace mpviz::trace {

std::optional<int> signalOfExitcode(long long exitcode) {
    if (exitcode >= 0 || exitcode < -1000) return std::nullopt;
    return static_cast<int>(-exitcode);
}

std::string_view signalName(int signal) {
    // A fixed table rather than sigabbrev_np (glibc only): these are the ones lessons meet.
    switch (signal) {
    case SIGHUP:
        return "SIGHUP";
    case SIGINT:
        return "SIGINT";
    case SIGQUIT:
        return "SIGQUIT";
    case SIGILL:
        return "SIGILL";
    case SIGABRT:
        return "SIGABRT";
    case SIGBUS:
        return "SIGBUS";
    case SIGFPE:
        return "SIGFPE";
    case SIGKILL:
        return "SIGKILL";
    case SIGUSR1:
        return "SIGUSR1";
    case SIGSEGV:
        return "SIGSEGV";
    case SIGUSR2:
        return "SIGUSR2";
    case SIGPIPE:
        return "SIGPIPE";
    case SIGALRM:
        return "SIGALRM";
    case SIGTERM:
        return "SIGTERM";
    case SIGCHLD:
        return "SIGCHLD";
    case SIGCONT:
        return "SIGCONT";
    case SIGSTOP:
        return "SIGSTOP";
    case SIGTSTP:
        return "SIGTSTP";
    default:
        return {};
    }
}

} // namespace mpviz::trace
