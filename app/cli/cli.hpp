#pragma once
// The `mpviz` command line: list, run, export (DESIGN.md, "Command line"). No Qt here:
// image export is handed in by the executable, which owns the Qt side.

#include "trace/trace.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace mpviz::cli {

// Exit codes, as DESIGN.md fixes them.
enum ExitCode : int {
    kOk = 0,
    kFailure = 1,
    kUsage = 2,
    kDeadlock = 3,
    kTimeout = 4,
    kStopped = 5
};

// Renders a trace to PNG/SVG/PDF; returns an empty string or an error message.
using Exporter = std::function<std::string(const trace::TraceData&, const std::filesystem::path&)>;

struct Environment {
    std::filesystem::path childExecutable; // mpviz-child
    Exporter exporter;                     // unset: --export and `export` are refused
};

// True when argv names a command-line verb (list, run, export, help, version).
bool isCommand(int argc, char** argv);
int main(int argc, char** argv, const Environment& env);

int exitCodeFor(trace::Outcome outcome);

} // namespace mpviz::cli
