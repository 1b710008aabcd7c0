#pragma once
// If the engine's process dies without cleaning up (SIGKILL, a crash), nothing in it can
// remove what the session left on the system. A janitor process, started with the session
// and kept out of its process group, waits for the engine to disappear and then does it:
// kills whatever is left of the scenario's group and removes the session's shared memory
// and directory, and the temporary directories the engine's process kept (OwnTempDir). After a
// normal end the engine has cleaned up itself and stops it.

#include <filesystem>
#include <string>
#include <vector>

namespace mpviz::engine {

// mpviz-child's arguments that make it the janitor of one session.
std::vector<std::string> janitorArguments(int enginePid, const std::string& sessionId,
                                          const std::filesystem::path& dir, int processGroup);

// True when argv asks for the janitor (mpviz-child --janitor …).
bool isJanitorInvocation(int argc, char** argv);

// The janitor's program. Returns the process's exit code (2 on bad arguments).
int runJanitor(int argc, char** argv);

} // namespace mpviz::engine
