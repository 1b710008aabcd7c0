#pragma once
// What a session leaves on the system, and how it is removed: shared-memory objects in
// /dev/shm named after the session, and the private directory with its socket and FIFOs.

#include <filesystem>
#include <string>

namespace mpviz::engine {

void removeSessionFiles(const std::string& sessionId, const std::filesystem::path& dir);

} // namespace mpviz::engine
