// mpviz: the window, or the command line when the first argument is a command.
#include "cli/cli.hpp"
#include "gui/gui_app.hpp"

#include <filesystem>

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
    env.exporter = mpviz::gui::offscreenExporter();
    if (mpviz::cli::isCommand(argc, argv)) return mpviz::cli::main(argc, argv, env);
    return mpviz::gui::runGui(argc, argv, env.childExecutable);
}
