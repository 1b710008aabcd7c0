// The whole-run viewport.

#include "render/viewport.hpp"

#include <algorithm>

namespace mpviz::render {

Viewport Viewport::whole(const trace::TraceData& trace, QSizeF size) {
    Viewport v;
    v.size = size;
    if (trace.events().empty() && trace.processes().empty()) {
        v.t0 = 0;
        v.t1 = 1'000'000'000;
        return v;
    }
    v.t0 = trace.firstTs();
    const std::int64_t end = std::max(trace.lastTs(), v.t0 + 1);
    // A little room after the end; the layout keeps a margin for the exit marks.
    v.t1 = end + std::max<std::int64_t>((end - v.t0) * 3 / 100, 1);
    return v;
}

} // namespace mpviz::render
