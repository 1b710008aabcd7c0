// The paint routine: sets up one frame and paints its parts back to front.

#include "render/painter.hpp"

#include "render/paint_context.hpp"

#include <QPainter>

#include <algorithm>

namespace mpviz::render {

PaintStats paint(QPainter& painter, const trace::TraceData& trace, const Viewport& viewport,
                 const Style& style) {
    const TimelineLayout layout = computeLayout(trace, viewport, style);
    return paint(painter, trace, layout, viewport, style);
}

PaintStats paint(QPainter& painter, const trace::TraceData& trace, const TimelineLayout& layout,
                 const Viewport& viewport, const Style& style) {
    detail::Frame f(painter, trace, layout, viewport, style);
    f.dpr = viewport.devicePixelRatio > 0 ? viewport.devicePixelRatio : 1.0;
    f.plotLeft = layout.gutterWidth;
    f.plotRight = std::max(f.plotLeft, layout.width);
    f.tA = layout.mapping.mapXToTime(f.plotLeft);
    f.tB = layout.mapping.mapXToTime(f.plotRight);
    f.liveEnd = viewport.now.value_or(trace.lastTs());
    if (layout.mapping.isValid()) f.deadlockLoop = detail::placeDeadlockLoop(f);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const QRectF all(0, 0, viewport.size.width(), viewport.size.height());
    painter.fillRect(all, f.palette.background);
    ++f.stats.rects;

    if (layout.mapping.isValid()) {
        // Lanes: clipped below the fixed header, scrolled.
        painter.save();
        painter.setClipRect(QRectF(0, layout.headerHeight, all.width(),
                                   std::max(0.0, all.height() - layout.headerHeight)));
        painter.translate(0, -viewport.scrollY);
        detail::paintLaneBackgrounds(f);
        detail::paintCounters(f);
        painter.setClipRect(QRectF(f.plotLeft, layout.headerHeight + viewport.scrollY,
                                   f.plotRight - f.plotLeft,
                                   std::max(0.0, all.height() - layout.headerHeight)));
        detail::paintBars(f);
        detail::paintHolds(f);
        if (style.showArrows) detail::paintArrows(f);
        detail::paintBarTexts(f);
        detail::paintGlyphs(f);
        detail::paintLostUpdates(f);
        if (trace.deadlock()) detail::paintDeadlock(f); // on top: it is the lesson
        painter.restore();
    }
    detail::paintHeader(f);
    if (layout.mapping.isValid()) {
        detail::paintMarkers(f); // over the axis too
        detail::paintPending(f);
    }
    painter.restore();
    return f.stats;
}

} // namespace mpviz::render
