#pragma once
// How a process ended, in Python's convention: an exit code of 0 or more is what the
// process exited with, a negative one is the signal that killed it (-15: SIGTERM). The
// trace file, the log, the tooltips and the process list all name signals from here.

#include <optional>
#include <string_view>

namespace mpviz::trace {

// The signal behind a negative exit code (-9 → 9); nothing for a normal exit.
std::optional<int> signalOfExitcode(long long exitcode);

// "SIGTERM", "SIGKILL", …; empty for a number this table does not know.
std::string_view signalName(int signal);

} // namespace mpviz::trace
