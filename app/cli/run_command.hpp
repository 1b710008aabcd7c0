#pragma once
#include "cli/cli.hpp"
#include "engine/python_program.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mpviz::cli {

struct RunOptions {
    std::string scenario;
    std::vector<std::pair<std::string, std::string>> sets;
    double speed = 1.0;
    double timeout = 0.0;
    std::string tracePath;
    std::string exportPath;
    bool quiet = false;
    bool step = false;
    std::string schedule; // implies step
    // `mpviz run PROGRAM.py`: a real Python program instead of a scenario.
    std::optional<engine::PythonProgram> program;
    bool timeoutGiven = false;
    // `mpviz run LESSON --as-python`: the lesson's listing run by CPython (this interpreter
    // and start method); its file is written, with the run's parameters, when the run starts.
    std::optional<engine::PythonProgram> asPython;
    bool help = false; // --help: print run's usage, run nothing
    // --repeat N: N runs one after the other, grouped by outcome. With `--schedule random`
    // run i is stepped by random:i, so each outcome names the seeds that reproduce it.
    int repeat = 1;
    bool seedEachRun = false;
};

// `run`'s lines in `mpviz help`.
const char* runSynopsis();

inline constexpr double kProgramTimeout = 60.0; // s, for programs when --timeout is not given
inline constexpr int kMaxRepeat = 200;          // --repeat N: at most this many runs

// Parses `run`'s arguments; on error returns nothing with a message naming valid choices.
std::optional<RunOptions> parseRunOptions(const std::vector<std::string>& args, std::string& error);

// `mpviz run SCENARIO …`: runs it for real, prints what the processes print, writes the
// trace and the image, and exits 0 / 3 (deadlock) / 4 (timeout).
int runCommand(const std::vector<std::string>& args, const Environment& env);

} // namespace mpviz::cli
