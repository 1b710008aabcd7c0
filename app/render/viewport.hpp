#pragma once
// What part of a trace to show, how big, and the live decorations over it. The window
// owns one (fed by its zoom state); the export builds one for the whole run or a range.

#include "trace/trace.hpp"

#include <QSizeF>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace mpviz::render {

// Step mode: an operation a process announced and is waiting to be granted. Drawn ghosted
// on its lane where it was announced; clicking it grants it.
struct PendingMark {
    int process = -1; // trace process index
    trace::Op op = trace::Op::Print;
    QString label; // "acquire lock", "get queue"
    // When the process announced it: from then to "now" it waits for you, and its bar must
    // not say "running".
    std::optional<std::int64_t> since;
};

struct Viewport {
    // Visible time range [t0, t1), trace clock ns. Invariant for painting: t1 > t0.
    std::int64_t t0 = 0;
    std::int64_t t1 = 0;
    QSizeF size;                           // logical px of the whole timeline, header included
    double scrollY = 0;                    // lanes scrolled up by this much; the header stays put
    double devicePixelRatio = 1.0;         // level of detail follows device pixels
    QString title;                         // header title; empty: defaultTitle(trace)
    std::optional<std::int64_t> now;       // live run: the "now" line; open slices end here
    std::optional<std::int64_t> playhead;  // replay position
    std::optional<std::uint32_t> selected; // event index to highlight
    std::vector<PendingMark> pending;      // step mode: what waits for a grant

    // The whole run: firstTs() to lastTs() (or `now`), with a little room after the end
    // for the exit marks. A trace with no time yet gets a 1 s range from 0.
    static Viewport whole(const trace::TraceData& trace, QSizeF size);
};

} // namespace mpviz::render
