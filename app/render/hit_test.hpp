#pragma once
// What is under the mouse: lanes, events, slices, and the tooltip text describing them.
// Uses the same layout and glyph rules as the painter, so a click lands on what is drawn.

#include "render/layout.hpp"
#include "render/viewport.hpp"
#include "trace/trace.hpp"

#include <QPointF>
#include <QString>

#include <cstdint>
#include <optional>

namespace mpviz::render {

// Lane index under widget y, or -1 (header, or below the last lane).
int laneAt(const TimelineLayout& layout, const Viewport& viewport, double y);

// The glyph event nearest to `pos` in the lane under it, within `tolerance` px of its
// glyph horizontally (anywhere in the lane's height). Only events that have a glyph
// (glyphs.hpp hasGlyph) are found.
std::optional<std::uint32_t> eventAt(const trace::TraceData& trace, const TimelineLayout& layout,
                                     const Viewport& viewport, QPointF pos, double tolerance = 6.0);

// Where the glyph of `event` is drawn (widget coordinates, after scrolling).
std::optional<QPointF> eventPosition(const trace::TraceData& trace, const TimelineLayout& layout,
                                     const Viewport& viewport, std::uint32_t event);

// Every detail of one event, several lines: operation and phase, object and its kind,
// item / value / result, process "name (pid)", scenario time.
//   "get on queue (queue)\nitem: 'a'\nqueue length after: 0\nProcess-1 (1234)\nat 1.250 s"
QString describeEvent(const trace::TraceData& trace, std::uint32_t event);

// One state slice: "blocked: get queue\nProcess-1 (1234)\n0.500 s → 1.250 s (0.75 s)".
QString describeSlice(const trace::TraceData& trace, int process, const trace::Slice& slice);

// The held lock or permit whose band (paintHolds) is under `pos`, and whose it is.
struct HoldHit {
    int process = -1;
    trace::Hold hold;
};
std::optional<HoldHit> holdAt(const trace::TraceData& trace, const TimelineLayout& layout,
                              const Viewport& viewport, QPointF pos);

// One held band: "holds the lock lock_a\nProcess-1 (1234)\n0.014 s → 1.240 s (1.226 s)", and
// for a holder that died, that nobody will release it.
QString describeHold(const trace::TraceData& trace, int process, const trace::Hold& hold);

// The tooltip for whatever is under `pos`: an event (eventAt), else a held band, else the
// slice under the mouse, else the lane's process; empty over nothing.
QString tooltipAt(const trace::TraceData& trace, const TimelineLayout& layout,
                  const Viewport& viewport, QPointF pos);

} // namespace mpviz::render
