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

} // namespace mpviz::engine
