#include "engine/cleanup.hpp"

#include "engine/session.hpp"

#include <cerrno>
#include <csignal>
#include <string_view>
#include <sys/mman.h>

namespace mpviz::engine {

namespace fs = std::filesystem;

namespace {
const fs::path kShmDir = "/dev/shm";

// Session ids are "<engine pid>_<random>": the engine's pid tells whether it still runs.
bool engineAlive(std::string_view sessionId) {
    const auto underscore = sessionId.find('_');
    if (underscore == std::string_view::npos) return true; // not ours to judge
    int pid = 0;
    for (char c : sessionId.substr(0, underscore)) {
        if (c < '0' || c > '9') return true;
        pid = pid * 10 + (c - '0');
    }
    return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM);
}

// Python's named semaphores live in /dev/shm as "sem.<name>" (the shim names them
// "mpviz-<session>-py-…").
constexpr std::string_view kSemaphoreFile = "sem.";

// "mpviz-<session>-…" or "sem.mpviz-<session>-…" → "<session>"
std::string_view sessionOf(std::string_view name) {
    constexpr std::string_view prefix = "mpviz-";
    if (name.rfind(kSemaphoreFile, 0) == 0) name.remove_prefix(kSemaphoreFile.size());
    if (name.rfind(prefix, 0) != 0) return {};
    name.remove_prefix(prefix.size());
    return name.substr(0, name.find('-'));
}
} // namespace

bool belongsToSession(std::string_view shmName, std::string_view prefix) {
    if (shmName.rfind(kSemaphoreFile, 0) == 0) shmName.remove_prefix(kSemaphoreFile.size());
    return shmName.rfind(prefix, 0) == 0;
}

std::string shmPrefix(const std::string& sessionId) {
    return "/mpviz-" + sessionId + "-";
}

void removeSessionFiles(const std::string& sessionId, const fs::path& dir) {
    std::error_code ec;
    const std::string prefix = shmPrefix(sessionId).substr(1);
    for (const auto& entry : fs::directory_iterator(kShmDir, ec)) {
        const auto name = entry.path().filename().string();
        if (belongsToSession(name, prefix)) ::shm_unlink(("/" + name).c_str());
    }
    if (!dir.empty()) fs::remove_all(dir, ec);
}

int removeStaleSessions() {
    int removed = 0;
    std::error_code ec;
    for (const auto& where : {kShmDir, fs::temp_directory_path()}) {
        for (const auto& entry : fs::directory_iterator(where, ec)) {
            const auto name = entry.path().filename().string();
            const auto session = sessionOf(name);
            if (session.empty() || engineAlive(session)) continue;
            if (where == kShmDir)
                ::shm_unlink(("/" + name).c_str());
            else
                fs::remove_all(entry.path(), ec);
            ++removed;
        }
    }
    return removed;
}

} // namespace mpviz::engine
