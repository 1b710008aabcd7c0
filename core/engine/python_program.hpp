#pragma once
// A real Python program as a session's MainProcess: which interpreter, where mpviz's shim
// is, whether the program can run at all, and the command line and environment that make
// every interpreter it starts report to the engine (docs/python-programs.md).

#include "mp/spawn.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mpviz::engine {

struct PythonProgram {
    std::filesystem::path interpreter; // empty: defaultPythonInterpreter()
    std::filesystem::path file;
    std::vector<std::string> args;
    std::string startMethod;     // fork, spawn or forkserver; empty: the program's own choice
    bool convertPython2 = false; // run a lib2to3-converted copy (in the session directory)
};

inline constexpr int kMinimumPythonMinor = 8; // 3.8

// The system's CPython: /usr/bin/python3 when there is one, else python3 on PATH.
std::filesystem::path defaultPythonInterpreter();

// The shim of the tree mpviz-child (in `executableDir`) belongs to: its share/mpviz/python,
// in the build tree as in an installed tree (install_layout.hpp). MPVIZ_PYTHON_SHIM overrides
// it.
std::filesystem::path pythonShimDirectory(const std::filesystem::path& executableDir);

// Why the program cannot run as it is, as sentences that say what to do; nothing if it can.
struct PythonProblem {
    std::string message;
    bool python2 = false; // --convert-python2 would help
};
std::optional<PythonProblem> checkPythonProgram(const PythonProgram& program,
                                                const std::filesystem::path& shimDir);

// MainProcess: the interpreter running the program (or its converted copy, written into
// `sessionDir`), with the shim first on PYTHONPATH. `environment` holds the session's
// variables. Throws std::runtime_error with a sentence when conversion fails.
mp::detail::SpawnRequest pythonMainRequest(const PythonProgram& program,
                                           const std::filesystem::path& shimDir,
                                           const std::filesystem::path& sessionDir,
                                           std::vector<std::string> environment);

// After the program ended: what is left of its process group (CPython's resource tracker
// and fork server outlive MainProcess a moment) is killed and reaped (we are its subreaper).
void endPythonHelpers(int processGroup);

// Python's named semaphores of a session are /dev/shm/sem.<this>…; the shim sets
// multiprocessing's semprefix so, and cleanup removes them with the session.
std::string pythonSemaphorePrefix(const std::string& sessionId);

} // namespace mpviz::engine
