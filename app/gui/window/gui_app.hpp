#pragma once
// The GUI side of the `mpviz` executable: opening the window, and the image exporter the
// command line uses.

#include "cli/cli.hpp"
#include "gui/window/language.hpp"
#include "gui/window/main_window.hpp"

#include <filesystem>
#include <memory>

namespace mpviz::gui {

// Runs the window: `mpviz`, `mpviz --scenario ID`. Hidden options for demos and the user
// guide's screenshots: --set k=v, --speed F, --theme light|dark, --presentation,
// --open TRACE, --autorun, --screenshot FILE (when the run ends, or at --screenshot-at
// SECONDS of scenario time), --playhead SECONDS, --size WxH, --settings FILE|none.
int runGui(int argc, char** argv, const std::filesystem::path& childExecutable);

// View ▸ Language at once: the window's words are set as it is built, so `old` is closed
// (its settings saved, its run stopped) and a window built in `language` takes its place,
// restored from those settings (layout, lesson, parameters), with the old one's program,
// its run (replayed from a trace file) and presentation mode.
std::unique_ptr<MainWindow> rebuildWindowIn(Language language, std::unique_ptr<MainWindow> old,
                                            WindowOptions options);

// Exports through mpviz_render; creates a QGuiApplication on the offscreen platform when
// none exists (the command line has no window and may have no display).
cli::Exporter offscreenExporter();

} // namespace mpviz::gui
