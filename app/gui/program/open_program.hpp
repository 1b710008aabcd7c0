#pragma once
// The Python program the window has open (instead of a lesson): what runs, what the code
// panel shows, and why it cannot run, if it cannot.

#include "engine/python_program.hpp"
#include "gui/program/program_check.hpp"

#include <QString>

#include <optional>

namespace mpviz::gui {

struct OpenProgram {
    // The file (absolute) and whether a Python 2 program runs as its converted copy; the
    // arguments and start method are the program panel's at each run.
    engine::PythonProgram program;
    QString source; // what the code panel shows: the file, or the converted copy
    std::optional<ProgramProblem> problem;
};

} // namespace mpviz::gui
