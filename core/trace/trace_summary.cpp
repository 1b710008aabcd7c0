// Level of detail for one process lane: what each pixel column should show. The cost
// follows the columns and the slices in view, never the length of the trace.

#include "trace/gallop.hpp"
#include "trace/trace.hpp"

#include <algorithm>
#include <array>

namespace mpviz::trace {
namespace {

constexpr std::size_t kStates = 5;

// When two states cover a column equally, show the one a teacher points at.
constexpr std::array<State, kStates> kTiePreference = {
    State::Blocked, State::Sleeping, State::Running, State::Exited, State::NotStarted};

std::int64_t overlap(std::int64_t a0, std::int64_t a1, std::int64_t b0, std::int64_t b1) {
    const std::int64_t lo = std::max(a0, b0);
    const std::int64_t hi = std::min(a1, b1);
    return hi > lo ? hi - lo : 0;
}

// The edges of `columns` equal columns over [t0, t1): edge[c] = t0 + floor(span * c / columns)
// without overflow for any span, and without a division per column (the remainder is
// carried the way Bresenham's line algorithm carries its error).
std::vector<std::int64_t> columnEdges(std::int64_t t0, std::int64_t t1, std::size_t columns) {
    const auto span = static_cast<std::uint64_t>(t1) - static_cast<std::uint64_t>(t0);
    const std::uint64_t step = span / columns;
    const std::uint64_t remainder = span % columns;
    std::vector<std::int64_t> edge(columns + 1);
    std::uint64_t offset = 0;
    std::uint64_t carried = 0;
    for (std::size_t c = 0; c < columns; ++c) {
        edge[c] = static_cast<std::int64_t>(static_cast<std::uint64_t>(t0) + offset);
        offset += step;
        carried += remainder;
        if (carried >= columns) {
            carried -= columns;
            ++offset;
        }
    }
    edge[columns] = t1;
    return edge;
}

} // namespace

std::vector<ColumnSummary> TraceData::summarize(int process, std::int64_t t0, std::int64_t t1,
                                                int columns) const {
    std::vector<ColumnSummary> out(static_cast<std::size_t>(std::max(columns, 0)));
    if (out.empty() || process < 0 || static_cast<std::size_t>(process) >= processes_.size())
        return out;
    if (t1 <= t0) {
        for (auto& column : out)
            column.dominant = stateAt(process, t0);
        return out;
    }

    const auto n = out.size();
    const std::vector<std::int64_t> edge = columnEdges(t0, t1, n);

    // One pass over the slices in view, each adding its time to the columns it spans: most
    // slices fall inside one column, so this costs a compare and an add per slice.
    const ProcessInfo& info = processes_[process];
    const std::int64_t start = info.startTs;
    const std::int64_t end = info.endTs.value_or(Slice::kOpen);
    std::vector<std::array<std::int64_t, kStates>> cover(n);
    std::vector<std::int64_t> covered(n, 0);
    std::size_t c = 0;
    for (const Slice& slice : slicesIn(process, t0, t1)) {
        std::int64_t from = std::max({slice.begin, t0, start});
        const std::int64_t to = std::min({slice.end, t1, end});
        if (to <= from) continue;
        while (edge[c + 1] <= from)
            ++c;
        const auto state = static_cast<std::size_t>(slice.state);
        for (;;) {
            const std::int64_t length = std::min(to, edge[c + 1]) - from;
            cover[c][state] += length;
            covered[c] += length;
            if (to <= edge[c + 1]) break;
            from = edge[++c];
        }
    }

    const auto& times = processTimes_[process];
    auto eventCursor = std::lower_bound(times.begin(), times.end(), t0);
    for (c = 0; c < n; ++c) {
        const std::int64_t c0 = edge[c];
        const std::int64_t c1 = edge[c + 1];
        ColumnSummary& column = out[c];

        const auto columnEnd =
            gallopFromFront(eventCursor, times.end(), [c1](std::int64_t ts) { return ts < c1; });
        column.events = static_cast<std::uint32_t>(columnEnd - eventCursor);
        eventCursor = columnEnd;

        if (c1 <= c0) { // narrower than a nanosecond
            column.dominant = stateAt(process, c0);
            continue;
        }
        auto& time = cover[c];
        time[static_cast<std::size_t>(State::NotStarted)] = overlap(c0, c1, INT64_MIN, start);
        time[static_cast<std::size_t>(State::Exited)] = overlap(c0, c1, end, INT64_MAX);
        // Time alive that no slice covers (a hand-made trace's gaps) counts as running.
        time[static_cast<std::size_t>(State::Running)] += overlap(c0, c1, start, end) - covered[c];

        int present = 0;
        std::int64_t best = -1;
        for (const State state : kTiePreference) {
            const std::int64_t length = time[static_cast<std::size_t>(state)];
            if (length > 0) ++present;
            if (length > best) {
                best = length;
                column.dominant = state;
            }
        }
        column.mixed = present > 1;
    }
    return out;
}

} // namespace mpviz::trace
