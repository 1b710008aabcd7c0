#pragma once
// How a scenario process starts: mpviz-child parses its command line into an Invocation,
// finds the scenario's Program, and runs it here.

#include "mp/program.hpp"
#include "mp/runtime.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mpviz::mp {

struct Invocation {
    std::string scenario;
    bool isMain = true; // --role main; otherwise --target NAME
    std::string target;
    detail::ProcessIdentity self;
    std::vector<Arg> args;
};

// mpviz-child --scenario ID --role main
// mpviz-child --scenario ID --target NAME --name N --identity I --daemon 0|1 [--arg ENC]...
std::optional<Invocation> parseInvocation(int argc, char** argv, std::string& error);

// Runs the program's main or the target, then Python's exit sequence; never returns.
// Exit code: 0, the code given to mp::exit, or 1 when the program threw.
[[noreturn]] void runInvocation(const Program& program, const Invocation& invocation);

} // namespace mpviz::mp
