#pragma once
// What the window, the command line and `mpviz export` do with a trace once it is read,
// done by the fuzz targets to every trace the wire or the JSON importer let through: a
// trace that was accepted must answer every question and save to a file that reads back.

#include "trace/trace.hpp"

#include <string_view>

namespace mpviz::fuzz {

// Stops the run with `what` (libFuzzer records the input as a crash; the replay test fails).
[[noreturn]] void broken(std::string_view what);

// Asks the trace what the views ask (states, slices, holders, waiters, queue items, values,
// arrows, column summaries, explanations, logical time) and saves and reloads it.
void exerciseTrace(const trace::TraceData& trace);

} // namespace mpviz::fuzz
