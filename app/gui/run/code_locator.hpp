#pragma once
// Which line of the code on screen an event comes from. Every scenario process sends the
// file and line of each operation (wire protocol v2): a Python program names its own file,
// a C++ lesson its listing (`<lesson:ID>`, mp::lessonSourcePath). An event's line is shown
// when it names the file on screen, matched by file name (a converted Python 2 copy runs
// from another folder under the same name).

#include "trace/trace.hpp"

#include <cstdint>
#include <string>

// Forward declaration: moc cannot parse the C++20 concepts scenario.hpp pulls in.
namespace mpviz::scenarios {
struct Scenario;
} // namespace mpviz::scenarios

namespace mpviz::gui {

class CodeLocator {
  public:
    CodeLocator() = default; // nothing on screen: no line for any event
    // A lesson's listing (none for a null lesson).
    static CodeLocator forLesson(const scenarios::Scenario* lesson);
    // A Python program's own file, by its file name.
    static CodeLocator forProgram(std::string fileName);

    // 1-based line of `event` in the code on screen, or 0 when it names none there.
    int lineOf(const trace::TraceData& trace, std::uint32_t event) const;

  private:
    std::string fileName_; // empty: no code on screen
};

} // namespace mpviz::gui
