// mpviz: the GUI, or the command line when the first argument is a command.
#include "cli/cli.hpp"

#include <filesystem>
#include <unistd.h>

namespace {
std::filesystem::path besideThisProgram(const char* name) {
    std::error_code ec;
    auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return self.parent_path() / name;
}
} // namespace

int main(int argc, char** argv) {
    mpviz::cli::Environment env;
    env.childExecutable = besideThisProgram("mpviz-child");
    if (mpviz::cli::isCommand(argc, argv)) return mpviz::cli::main(argc, argv, env);
    return mpviz::cli::main(argc, argv, env);
}
