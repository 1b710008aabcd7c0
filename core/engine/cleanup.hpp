#pragma once
// What a session leaves on the system, and how it is removed: shared-memory objects in
// /dev/shm named after the session, and the private directory with its socket and FIFOs.

#include <filesystem>
#include <string>
#include <string_view>

namespace mpviz::engine {

// True when a /dev/shm entry belongs to the session whose shmPrefix (without '/') is given:
// its shared memory, and Python's named semaphores ("sem." + prefix …).
bool belongsToSession(std::string_view shmName, std::string_view prefix);

void removeSessionFiles(const std::string& sessionId, const std::filesystem::path& dir);

// A private (0700) directory for this process's own temporary files (the window's Qt
// runtime directory, throwaway settings), removed with its contents when the object goes.
// Its name, mpviz-<pid>_<purpose>-XXXXXX in the temporary directory, follows the sessions'
// rule, so that when this process is killed before it can remove it, its session's janitor
// (removeLeftoversOf) or the next session's start (removeStaleSessions) does.
class OwnTempDir {
  public:
    explicit OwnTempDir(const std::string& purpose); // throws std::runtime_error
    ~OwnTempDir();
    OwnTempDir(const OwnTempDir&) = delete;
    OwnTempDir& operator=(const OwnTempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// Removes what a dead process `pid` left under its name: its sessions' shared memory and
// directories, its own temporary directories.
void removeLeftoversOf(int pid);

} // namespace mpviz::engine
