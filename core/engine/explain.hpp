#pragma once
// Plain words for what the trace shows, for the command line's summary and the GUI's
// caption: why a process is blocked, and why a deadlock can never resolve.

#include "engine/words.hpp"
#include "trace/trace.hpp"

#include <string>

namespace mpviz::engine {

// "MainProcess waits in join for Process-1; Process-1 cannot exit until its 1,000,000
// queued bytes are read, and only MainProcess would read them." Empty without a deadlock.
// `translate`, when given, turns each English sentence pattern (context "explain"; %1 the
// waiting process, %2 the other, %3 the object or a count) into the window's language
// (engine/words.hpp); the command line leaves it empty and prints English.
std::string explainDeadlock(const trace::TraceData& trace, const Translate& translate = {});

// "Process-2 is blocked: the semaphore sem has no permits left". Empty when not blocked.
// The timeline's tooltip on a blocked bar shows it, translated as above.
std::string explainBlocked(const trace::TraceData& trace, int process, std::int64_t at,
                           const Translate& translate = {});

} // namespace mpviz::engine
