// Fuzz target: a trace file opened in the window or given to `mpviz export`. Anything may
// be in it; the only way out for a bad file is a TraceFormatError. A file that was read
// must make a trace every view can read and that saves and reads back.

#include "trace/chrome_json.hpp"
#include "trace_checks.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace mpviz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    trace::TraceData trace;
    try {
        trace = trace::fromChromeJson(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const trace::TraceFormatError&) {
        return 0;
    }
    fuzz::exerciseTrace(trace);
    return 0;
}
