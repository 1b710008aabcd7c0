#pragma once
// Starting a real child process (Boost.Process v2) and waiting for it (its pidfd).
// Used by mp::Process for scenario children and by the engine for MainProcess.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mpviz::mp::detail {

struct SpawnRequest {
    std::filesystem::path executable;
    std::vector<std::string> args;
    std::vector<std::string> extraEnvironment; // "K=V", added to this process's environment
    bool ownProcessGroup = false;              // the engine puts MainProcess in a new group
    bool dieWithParent = true;                 // PR_SET_PDEATHSIG; false for the janitor
    bool silenceStdout = false;
};

class SpawnedProcess {
  public:
    // Throws std::runtime_error saying what could not be started and why.
    static SpawnedProcess spawn(const SpawnRequest& request);

    SpawnedProcess() = default;
    SpawnedProcess(SpawnedProcess&& other) noexcept;
    SpawnedProcess& operator=(SpawnedProcess&& other) noexcept;
    ~SpawnedProcess();

    int pid() const { return pid_; }
    int pidfd() const { return pidfd_; }
    // The exit code in Python's convention (negative: killed by that signal) once it ended.
    // Waits at most timeoutMs (-1: forever; 0: just look). Reaps the child.
    std::optional<int> wait(int timeoutMs = -1);
    std::optional<int> exitcode() const { return exitcode_; }
    void signal(int sig) const;

  private:
    int pid_ = 0;
    int pidfd_ = -1;
    std::optional<int> exitcode_;
};

int pythonExitcode(int waitStatus);

} // namespace mpviz::mp::detail
