#pragma once
// The window's side of "can this Python program run?": the engine's verdict
// (checkPythonProgram, the one owner of it) in words that fit the window, and what lib2to3
// would make of Python 2 code, shown before the converted copy runs.

#include "engine/python_program.hpp"

#include <QString>

#include <filesystem>
#include <optional>

namespace mpviz::gui {

struct ProgramProblem {
    QString message;      // a sentence naming the file (and the line, when there is one)
    int line = 0;         // 1-based line of the program the problem is at; 0: none
    bool python2 = false; // a converted copy could run
};

// `childExecutable`: mpviz-child, whose tree holds the shim (as the engine finds it).
std::optional<ProgramProblem> checkProgram(const engine::PythonProgram& program,
                                           const std::filesystem::path& childExecutable);

struct Python2Conversion {
    QString converted; // the program as lib2to3 rewrites it
    QString diff;      // unified diff, original → converted
    QString error;     // why there is none (lib2to3 missing, unparsable code); empty: fine
};

// Reads the program, never writes it. Takes as long as one interpreter start (≈0.2 s).
Python2Conversion previewPython2Conversion(const engine::PythonProgram& program,
                                           const std::filesystem::path& childExecutable);

} // namespace mpviz::gui
