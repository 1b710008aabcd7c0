#pragma once
// The program a Pool's worker process runs: take a task, run it, send back its result.

#include "mp/args.hpp"

namespace mpviz::mp::detail {

inline constexpr const char* kPoolWorkerTarget = "__pool_worker";
void poolWorkerMain(const Args& args);

} // namespace mpviz::mp::detail
