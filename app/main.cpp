// mpviz: the window, or the command line when the first argument is a command.
#include "cli/cli.hpp"
#include "engine/install_layout.hpp"
#include "gui/window/gui_app.hpp"

int main(int argc, char** argv) {
    mpviz::cli::Environment env;
    env.childExecutable = mpviz::engine::childExecutableForThisProgram();
    env.exporter = mpviz::gui::offscreenExporter();
    if (mpviz::cli::isCommand(argc, argv)) return mpviz::cli::main(argc, argv, env);
    return mpviz::gui::runGui(argc, argv, env.childExecutable);
}
