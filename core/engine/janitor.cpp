#include "engine/janitor.hpp"

#include "engine/cleanup.hpp"
#include "engine/session.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string_view>

#include <poll.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace mpviz::engine {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kFlag = "--janitor";

// A zombie has exited: only its parent's wait is missing.
bool exists(int pid) {
    if (::kill(pid, 0) != 0 && errno != EPERM) return false;
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    const auto close = line.rfind(')');
    return close == std::string::npos || close + 2 >= line.size() || line[close + 2] != 'Z';
}

// Blocks until process `pid` has exited.
void waitForExit(int pid) {
    const int fd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
    if (fd < 0) {
        if (errno == ESRCH) return; // already gone
        // No pidfd (out of descriptors, a sandbox forbids it): look now and then instead.
        while (exists(pid))
            ::usleep(200'000);
        return;
    }
    pollfd p{fd, POLLIN, 0};
    while (::poll(&p, 1, -1) < 0 && errno == EINTR) {
    }
    ::close(fd);
}

bool sessionLeftSomething(const std::string& sessionId, const fs::path& dir) {
    std::error_code ec;
    if (fs::exists(dir, ec)) return true;
    const std::string prefix = shmPrefix(sessionId).substr(1);
    for (const auto& entry : fs::directory_iterator("/dev/shm", ec))
        if (belongsToSession(entry.path().filename().string(), prefix)) return true;
    return false;
}
} // namespace

std::vector<std::string> janitorArguments(int enginePid, const std::string& sessionId,
                                          const fs::path& dir, int processGroup) {
    return {std::string(kFlag), std::to_string(enginePid), sessionId, dir.string(),
            std::to_string(processGroup)};
}

bool isJanitorInvocation(int argc, char** argv) {
    return argc > 1 && argv[1] == kFlag;
}

int runJanitor(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: mpviz-child --janitor ENGINE_PID SESSION DIR GROUP\n");
        return 2;
    }
    const int enginePid = std::atoi(argv[2]);
    const std::string sessionId = argv[3];
    const fs::path dir = argv[4];
    const int group = std::atoi(argv[5]);
    if (enginePid <= 1 || group <= 1 || sessionId.empty()) {
        std::fprintf(stderr, "mpviz-child --janitor: bad arguments\n");
        return 2;
    }
    waitForExit(enginePid);
    // An engine that ended normally removed everything first: then the group id may
    // already belong to someone else, and there is nothing to do.
    if (!sessionLeftSomething(sessionId, dir)) return 0;
    ::killpg(group, SIGKILL);
    removeSessionFiles(sessionId, dir);
    return 0;
}

} // namespace mpviz::engine
