// mpviz: the window, or the command line when the first argument is a command.
#include "cli/cli.hpp"
#include "engine/install_layout.hpp"
#include "gui/window/gui_app.hpp"
#include "gui/window/language.hpp"

#include <cstdio>
#include <string_view>

int main(int argc, char** argv) {
    // --lang zh_CN|en, anywhere: the window's language and that of exported images. Taken
    // out of argv here, so the command line and the window's own options never see it.
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--") { // the rest belongs to a Python program
            while (i < argc)
                argv[kept++] = argv[i++];
            break;
        }
        if (a != "--lang" && a.rfind("--lang=", 0) != 0) {
            argv[kept++] = argv[i];
            continue;
        }
        const char* value = a == "--lang" ? (i + 1 < argc ? argv[++i] : nullptr) : argv[i] + 7;
        const auto language = value ? mpviz::gui::parseLanguage(value) : std::nullopt;
        if (!language) {
            std::fprintf(stderr, "mpviz: --lang takes zh_CN (简体中文) or en (English)%s%s%s\n",
                         value ? " (got '" : "", value ? value : "", value ? "')" : "");
            return mpviz::cli::kUsage;
        }
        mpviz::gui::setLanguageOverride(language);
    }
    argc = kept;
    argv[argc] = nullptr;

    mpviz::cli::Environment env;
    env.childExecutable = mpviz::engine::childExecutableForThisProgram();
    env.exporter = mpviz::gui::offscreenExporter();
    if (mpviz::cli::isCommand(argc, argv)) return mpviz::cli::main(argc, argv, env);
    return mpviz::gui::runGui(argc, argv, env.childExecutable);
}
