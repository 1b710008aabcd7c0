#include "mp/spawn.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/process/v2/environment.hpp>
#include <boost/process/v2/process.hpp>
#include <boost/process/v2/stdio.hpp>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace mpviz::mp::detail {

namespace bp = boost::process::v2;

namespace {

// Runs in the child between fork and exec: it dies with the thread that spawned it
// (PR_SET_PDEATHSIG), and MainProcess starts a process group that Stop can kill whole.
struct DieWithParent {
    pid_t parent;
    bool ownGroup;
    bool die;
    template <class Launcher>
    bp::error_code on_exec_setup(Launcher&, const bp::filesystem::path&, const char* const*&) {
        if (ownGroup) ::setpgid(0, 0);
        if (!die) return {}; // the janitor must outlive us: that is its job
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127); // the parent died before we could notice
        return {};
    }
};

boost::asio::io_context& spawnContext() {
    static auto* context = new boost::asio::io_context(); // only an executor for Boost.Process
    return *context;
}

std::vector<std::string> environmentWith(const std::vector<std::string>& extra) {
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) {
        const std::string_view entry(*e);
        const auto key = entry.substr(0, entry.find('=') + 1);
        bool replaced = false;
        for (const auto& x : extra)
            replaced = replaced || x.rfind(key, 0) == 0;
        if (!replaced) env.emplace_back(entry);
    }
    env.insert(env.end(), extra.begin(), extra.end());
    return env;
}

} // namespace

int pythonExitcode(int status) {
    if (WIFSIGNALED(status)) return -WTERMSIG(status);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 0;
}

SpawnedProcess SpawnedProcess::spawn(const SpawnRequest& request) {
    // execve does no PATH search, and a failed exec in Boost 1.81 leaves a zombie that ran
    // our static destructors: check first.
    if (::access(request.executable.c_str(), X_OK) != 0)
        throw std::runtime_error("cannot run " + request.executable.string() + ": " +
                                 std::strerror(errno));
    const auto env = environmentWith(request.extraEnvironment);
    DieWithParent die{::getpid(), request.ownProcessGroup, request.dieWithParent};
    FILE* devnull = request.silenceStdout ? std::fopen("/dev/null", "w") : nullptr;
    auto launch = [&]() {
        if (devnull)
            return bp::process(spawnContext(), request.executable.string(), request.args,
                               bp::process_environment(env), bp::process_stdio{{}, devnull, {}},
                               die);
        return bp::process(spawnContext(), request.executable.string(), request.args,
                           bp::process_environment(env), die);
    };
    bp::process proc = launch();
    if (devnull) std::fclose(devnull);
    SpawnedProcess s;
    s.pid_ = proc.id();
    proc.detach(); // we wait through our own pidfd, and must not be killed with the object
    s.pidfd_ = static_cast<int>(::syscall(SYS_pidfd_open, s.pid_, 0));
    if (request.ownProcessGroup) ::setpgid(s.pid_, s.pid_); // both sides, so no race
    return s;
}

SpawnedProcess::SpawnedProcess(SpawnedProcess&& o) noexcept
    : pid_(o.pid_), pidfd_(o.pidfd_), exitcode_(o.exitcode_) {
    o.pidfd_ = -1;
    o.pid_ = 0;
}

SpawnedProcess& SpawnedProcess::operator=(SpawnedProcess&& o) noexcept {
    std::swap(pid_, o.pid_);
    std::swap(pidfd_, o.pidfd_);
    std::swap(exitcode_, o.exitcode_);
    return *this;
}

SpawnedProcess::~SpawnedProcess() {
    if (pidfd_ >= 0) ::close(pidfd_);
}

std::optional<int> SpawnedProcess::wait(int timeoutMs) {
    if (exitcode_ || pid_ <= 0) return exitcode_;
    if (pidfd_ >= 0 && timeoutMs != 0) {
        pollfd p{pidfd_, POLLIN, 0};
        int rc;
        do {
            rc = ::poll(&p, 1, timeoutMs);
        } while (rc < 0 && errno == EINTR);
        if (rc == 0) return std::nullopt;
    }
    int status = 0;
    pid_t r;
    do {
        r = ::waitpid(pid_, &status, timeoutMs == 0 || pidfd_ >= 0 ? WNOHANG : 0);
    } while (r < 0 && errno == EINTR);
    if (r == pid_) exitcode_ = pythonExitcode(status);
    return exitcode_;
}

void SpawnedProcess::signal(int sig) const {
    if (pid_ > 0 && !exitcode_) ::kill(pid_, sig);
}

} // namespace mpviz::mp::detail
