// The paint routine: sets up one frame and paints its parts back to front.

#include "render/painter.hpp"

#include "render/backdrop.hpp"
#include "render/paint_context.hpp"

#include <QPainter>

#include <algorithm>

namespace mpviz::render {

PaintStats paint(QPainter& painter, const trace::TraceData& trace, const Viewport& viewport,
                 const Style& style) {
    const TimelineLayout layout = computeLayout(trace, viewport, style);
    return paint(painter, trace, layout, viewport, style);
}

namespace {

void setUp(detail::Frame& f) {
    f.dpr = f.viewport.devicePixelRatio > 0 ? f.viewport.devicePixelRatio : 1.0;
    f.plotLeft = f.layout.gutterWidth;
    f.plotRight = std::max(f.plotLeft, f.layout.width);
    f.tA = f.layout.mapping.mapXToTime(f.plotLeft);
    f.tB = f.layout.mapping.mapXToTime(f.plotRight);
    f.liveEnd = f.viewport.now.value_or(f.trace.lastTs());
    if (f.layout.mapping.isValid()) f.deadlockLoop = detail::placeDeadlockLoop(f);
}

QRectF lanesArea(const detail::Frame& f) {
    return QRectF(0, f.layout.headerHeight, f.viewport.size.width(),
                  std::max(0.0, f.viewport.size.height() - f.layout.headerHeight));
}

// What Backdrop keeps: the background and the lanes' shading, grid and labels.
void paintBackdrop(detail::Frame& f) {
    QPainter& painter = f.p;
    painter.fillRect(QRectF(QPointF(0, 0), f.viewport.size), f.palette.background);
    ++f.stats.rects;
    if (!f.layout.mapping.isValid()) return;
    painter.save();
    painter.setClipRect(lanesArea(f));
    painter.translate(0, -f.viewport.scrollY);
    detail::paintLaneBackgrounds(f);
    painter.restore();
}

} // namespace

PaintStats paint(QPainter& painter, const trace::TraceData& trace, const TimelineLayout& layout,
                 const Viewport& viewport, const Style& style, Backdrop* backdrop) {
    detail::Frame f(painter, trace, layout, viewport, style);
    setUp(f);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    if (backdrop) {
        const QImage& image = backdrop->get(layout, viewport, style, [&](QPainter& p) {
            p.setRenderHint(QPainter::Antialiasing, true);
            p.setRenderHint(QPainter::TextAntialiasing, true);
            detail::Frame g(p, trace, layout, viewport, style);
            setUp(g);
            paintBackdrop(g);
        });
        painter.drawImage(QPointF(0, 0), image);
        ++f.stats.rects;
    } else {
        paintBackdrop(f);
    }

    if (layout.mapping.isValid()) {
        // Lanes: clipped below the fixed header, scrolled.
        painter.save();
        painter.setClipRect(lanesArea(f));
        painter.translate(0, -viewport.scrollY);
        detail::paintCounters(f);
        painter.setClipRect(QRectF(f.plotLeft, layout.headerHeight + viewport.scrollY,
                                   f.plotRight - f.plotLeft,
                                   std::max(0.0, viewport.size.height() - layout.headerHeight)));
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
