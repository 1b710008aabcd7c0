#pragma once
// A scenario process's runtime as the benchmarks drive it: streaming into a real socket
// whose other end a thread drains, as the engine would. Started once per program.
#include "mp/runtime.hpp"

#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace mpviz::bench {

inline mp::detail::Runtime& childRuntime() {
    static mp::detail::Runtime& runtime = []() -> mp::detail::Runtime& {
        int fds[2];
        ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds);
        std::thread([drained = fds[1]] {
            char buf[1 << 16];
            while (::read(drained, buf, sizeof buf) > 0) {
            }
        }).detach();
        auto& rt = mp::detail::runtime();
        rt.startOnSocket(fds[0], {"Process-1", "1", false});
        return rt;
    }();
    return runtime;
}

} // namespace mpviz::bench
