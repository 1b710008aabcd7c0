// mpviz without Qt (configured with -DMPVIZ_GUI=OFF): the command line only.
#include "cli/cli.hpp"
#include "engine/install_layout.hpp"

#include <cstdio>

int main(int argc, char** argv) {
    mpviz::cli::Environment env;
    env.childExecutable = mpviz::engine::childExecutableForThisProgram();
    if (!mpviz::cli::isCommand(argc, argv)) {
        std::fprintf(stderr, "mpviz: this build has no window (configured with MPVIZ_GUI=OFF); "
                             "try 'mpviz list' or 'mpviz run lock'\n");
        return mpviz::cli::kUsage;
    }
    return mpviz::cli::main(argc, argv, env);
}
