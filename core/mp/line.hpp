#pragma once
// Which line of its Python listing a C++ lesson is on, as Python knows the line of the
// statement it runs. While an AtLine lives (a temporary lives to the end of its statement:
// `mp::AtLine(14), mp::sleep(1);`), every operation of this thread carries that line of the
// listing; the runtime declares the listing as the source file `<lesson:ID>` (wire v2).

#include <string>
#include <string_view>

namespace mpviz::mp {

// The source path a lesson's events name: its listing, not a file on disk.
inline std::string lessonSourcePath(std::string_view scenario) {
    return "<lesson:" + std::string(scenario) + ">";
}

// The listing line of this thread's current statement, 0 when none.
int currentLine();

class AtLine {
  public:
    explicit AtLine(int listingLine);
    ~AtLine();
    AtLine(const AtLine&) = delete;
    AtLine& operator=(const AtLine&) = delete;

  private:
    int previous_;
};

} // namespace mpviz::mp
