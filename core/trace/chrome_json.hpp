#pragma once
// Chrome Trace Event Format export and import (DESIGN.md, "Trace file format").
// Opens in Perfetto and chrome://tracing; mpviz reopens it for replay and export.

#include "trace/trace.hpp"

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace mpviz::trace {

struct TraceFormatError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A file writes times as microseconds after the trace's start with nanosecond decimals, and
// a JSON reader holds a number in a double: exact up to 2^53 ns, 104 days. A trace whose
// times span more could not be saved and read back unchanged; the importer refuses it.
inline constexpr std::int64_t kMaxTraceSpanNs = std::int64_t{1} << 53;

std::string toChromeJson(const TraceData& trace, std::string_view mpvizVersion);
void saveChromeJson(const TraceData& trace, const std::filesystem::path& file,
                    std::string_view mpvizVersion);

// Throws TraceFormatError with a message that says what is wrong and where.
TraceData fromChromeJson(std::string_view json);
TraceData loadChromeJson(const std::filesystem::path& file);

} // namespace mpviz::trace
