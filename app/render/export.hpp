#pragma once
// Export of the timeline as PNG, SVG or PDF, painted by the same routine as the screen.
// Needs a QGuiApplication (the command line creates one on the offscreen platform).
// The image is as wide as `width` and as tall as the layout needs (header + every lane);
// text stays text in SVG and PDF.

#include "trace/trace.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace mpviz::render {

struct ExportOptions {
    double scale = 1.0;               // PNG only: 1x to 4x
    std::optional<std::int64_t> from; // visible range, trace clock ns; whole run when unset
    std::optional<std::int64_t> to;
    int width = 1600; // logical pixels
    bool dark = false;
    std::string title;      // empty: the scenario's title and outcome
    double fontScale = 1.0; // presentation mode for slides: 1.0–3.0
    bool legend = true;
    bool arrows = true;
    bool holds = true;    // held locks and permits as bands
    bool counters = true; // counter tracks under the lanes
};

// Writes by the file's suffix (.png, .svg, .pdf, any case). Returns an empty string on
// success, otherwise a message saying what went wrong (empty trace, unknown suffix,
// unwritable path, bad option).
std::string exportTimeline(const trace::TraceData& trace, const std::filesystem::path& file,
                           const ExportOptions& options = {});

} // namespace mpviz::render
