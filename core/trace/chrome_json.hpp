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
// a JSON reader holds a number in a double. Below 2^43 µs (8.8e15 ns, 101 days) doubles lie
// less than a nanosecond apart, so each time reads back as the nanosecond it was written as;
// 100 days keeps within that. A trace whose times span more could not be saved and read
// back unchanged; the importer refuses it.
inline constexpr std::int64_t kMaxTraceSpanNs = std::int64_t{100} * 86'400 * 1'000'000'000;

std::string toChromeJson(const TraceData& trace, std::string_view mpvizVersion);
void saveChromeJson(const TraceData& trace, const std::filesystem::path& file,
                    std::string_view mpvizVersion);

// Throws TraceFormatError with a message that says what is wrong and where.
TraceData fromChromeJson(std::string_view json);
TraceData loadChromeJson(const std::filesystem::path& file);

} // namespace mpviz::trace
