#pragma once
// The order a lesson's processes are shown in: by creation, each child right under its
// parent. The engine learns of processes when they connect, which is not the order their
// parent started them in (a child that sleeps first may connect last).

#include "trace/trace.hpp"

#include <utility>
#include <vector>

namespace mpviz::trace {

struct OrderedProcess {
    int process = 0; // index into trace.processes()
    int depth = 0;   // 0 for a root, +1 per ancestor
};

// Every process once. Siblings go in the order their parent started them: by pid, which
// the kernel hands out in increasing order to one parent's successive forks (start time
// breaks ties and orders processes without a pid).
std::vector<OrderedProcess> creationOrder(const TraceData& trace);

} // namespace mpviz::trace
