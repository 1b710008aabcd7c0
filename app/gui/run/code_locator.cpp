#include "gui/run/code_locator.hpp"

#include "mp/line.hpp"
#include "scenario.hpp"

#include <filesystem>

namespace mpviz::gui {

CodeLocator CodeLocator::forLesson(const scenarios::Scenario* lesson) {
    return lesson ? forProgram(mp::lessonSourcePath(lesson->id)) : CodeLocator();
}

CodeLocator CodeLocator::forProgram(std::string fileName) {
    CodeLocator locator;
    locator.fileName_ = std::move(fileName);
    return locator;
}

int CodeLocator::lineOf(const trace::TraceData& d, std::uint32_t event) const {
    if (fileName_.empty() || event >= d.events().size()) return 0;
    const auto spot = d.sourceOf(event);
    if (spot.line == 0) return 0;
    const auto file = std::filesystem::path(std::string(d.text(spot.file))).filename();
    return file == fileName_ ? static_cast<int>(spot.line) : 0;
}

} // namespace mpviz::gui
