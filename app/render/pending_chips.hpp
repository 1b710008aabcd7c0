#pragma once
// Step mode's pending operations on the timeline: where each chip sits, so the painter
// and the click that grants it agree on one rectangle.

#include "render/layout.hpp"
#include "render/style.hpp"
#include "render/viewport.hpp"

#include <QPointF>
#include <QRectF>

#include <optional>

namespace mpviz::render {

// Where the chip of a pending operation is drawn (widget coordinates, after scrolling):
// on its process's glyph row just after the moment it asked (after the "now" line when that
// is unknown), so it stays put while time goes on; pulled in to stay inside the plot.
// Nothing when the process has no lane or there is no "now".
std::optional<QRectF> pendingChipRect(const TimelineLayout& layout, const Viewport& viewport,
                                      const Style& style, const PendingMark& mark);

// The process whose pending-operation chip is under `pos`, if any.
std::optional<int> pendingAt(const TimelineLayout& layout, const Viewport& viewport,
                             const Style& style, QPointF pos);

} // namespace mpviz::render
