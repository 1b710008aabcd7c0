// mpviz without Qt (configured with -DMPVIZ_GUI=OFF): the command line only.
#include "cli/cli.hpp"

#include <cstdio>
#include <filesystem>

int main(int argc, char** argv) {
    mpviz::cli::Environment env;
    std::error_code ec;
    env.childExecutable =
        std::filesystem::read_symlink("/proc/self/exe", ec).parent_path() / "mpviz-child";
    if (!mpviz::cli::isCommand(argc, argv)) {
        std::fprintf(stderr, "mpviz: this build has no window (configured with MPVIZ_GUI=OFF); "
                             "try 'mpviz list' or 'mpviz run lock'\n");
        return mpviz::cli::kUsage;
    }
    return mpviz::cli::main(argc, argv, env);
}
