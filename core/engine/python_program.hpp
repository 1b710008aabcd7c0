#pragma once
// A real Python program as a session's MainProcess: which interpreter, where mpviz's shim
// is, whether the program can run at all, and the command line and environment that make
// every interpreter it starts report to the engine (docs/python-programs.md).

#include "engine/words.hpp"
#include "mp/spawn.hpp"

#include <filesystem>
#include <optional>
#include <stdexcept>
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

// Why the program cannot run as it is; nothing if it can.
struct PythonProblem {
    // What would let it run. The command line and the window each say it in their own
    // words (an option to give, a field to fill in), so it is not part of `message`.
    enum class Remedy { OtherFile, OtherInterpreter, ReinstallShim, FixLine, ConvertPython2 };
    std::string message; // what is wrong, naming the file (and the line): no advice, no '.'
    Remedy remedy = Remedy::FixLine;
    int line = 0;     // 1-based line of the program it is at; 0: none
    std::string text; // that line as written; empty: none
    bool python2() const { return remedy == Remedy::ConvertPython2; }
};
// `translate` (engine/words.hpp, context "python") words the message in the window's
// language; without it the message is English.
std::optional<PythonProblem> checkPythonProgram(const PythonProgram& program,
                                                const std::filesystem::path& shimDir,
                                                const Translate& translate = {});
// The problem as the command line prints it, in English: what is wrong, what to do with
// mpviz run's options, and the line.
std::string commandLineText(const PythonProblem& problem);

// Python 2 code that lib2to3 cannot read: the program, not mpviz, is at fault.
struct NotConvertible : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// MainProcess: the interpreter running the program (or its converted copy, written into
// `sessionDir`), with the shim first on PYTHONPATH. `environment` holds the session's
// variables. Throws NotConvertible with lib2to3's sentence when conversion fails.
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
