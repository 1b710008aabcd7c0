#pragma once
// Plain words for what the trace shows, for the command line's summary and the GUI's
// caption: why a process is blocked, and why a deadlock can never resolve.

#include "trace/trace.hpp"

#include <string>

namespace mpviz::engine {

// "MainProcess waits in join for Process-1; Process-1 cannot exit until its 1,000,000
// queued bytes are read, and only MainProcess would read them." Empty without a deadlock.
std::string explainDeadlock(const trace::TraceData& trace);

// "Process-2 is blocked: the semaphore sem has no permits left". Empty when not blocked.
std::string explainBlocked(const trace::TraceData& trace, int process, std::int64_t at);

} // namespace mpviz::engine
