#include "render/pending_chips.hpp"

#include "render/glyphs.hpp"
#include "render/paint_context.hpp"

#include <QFontMetricsF>

#include <algorithm>

namespace mpviz::render {

std::optional<QRectF> pendingChipRect(const TimelineLayout& layout, const Viewport& viewport,
                                      const Style& style, const PendingMark& mark) {
    if (!viewport.now || !layout.mapping.isValid()) return std::nullopt;
    const auto* lane = layout.laneForProcess(mark.process);
    if (!lane) return std::nullopt;
    const QFontMetricsF fm(style.font(FontRole::Small));
    const double glyph = style.px(12);
    const double width = glyph + style.px(10) + fm.horizontalAdvance(mark.label);
    const double height = std::min(lane->height - style.px(2), fm.height() + style.px(6));
    const double plotLeft = layout.gutterWidth;
    const double plotRight = std::max(plotLeft, layout.width);
    // Where the process asked (else at "now"): the chip keeps its place while the person
    // decides, as time goes on and the waiting band grows after it.
    double left = layout.mapping.mapTimeToX(mark.since.value_or(*viewport.now)) + style.px(8);
    left = std::clamp(left, plotLeft, std::max(plotLeft, plotRight - width - style.px(2)));
    const double top = lane->glyphY - height / 2 - viewport.scrollY;
    return QRectF(left, top, width, height);
}

std::optional<int> pendingAt(const TimelineLayout& layout, const Viewport& viewport,
                             const Style& style, QPointF pos) {
    // Last drawn is on top: search backwards.
    for (auto it = viewport.pending.rbegin(); it != viewport.pending.rend(); ++it)
        if (const auto r = pendingChipRect(layout, viewport, style, *it); r && r->contains(pos))
            return it->process;
    return std::nullopt;
}

namespace detail {

void paintPending(Frame& f) {
    if (f.viewport.pending.empty()) return;
    QPainter& p = f.p;
    p.save();
    p.setClipRect(QRectF(f.plotLeft, f.layout.headerHeight, f.plotRight - f.plotLeft,
                         std::max(0.0, f.viewport.size.height() - f.layout.headerHeight)));
    const QFont font = f.style.font(FontRole::Small);
    p.setFont(font);
    // Waiting for a grant is not running: from the announcement to "now" the bar is
    // blanked and outlined like the chip, so no green bar says the process is working.
    for (const auto& mark : f.viewport.pending) {
        const auto* lane = f.layout.laneForProcess(mark.process);
        if (!lane || !mark.since || !f.viewport.now || *mark.since >= *f.viewport.now) continue;
        const double x0 = std::max(f.plotLeft, f.x(std::max(*mark.since, f.tA)));
        const double x1 = std::min(f.plotRight, f.x(*f.viewport.now));
        if (x1 - x0 < 1) continue;
        const QRectF bar(x0, lane->barTop - f.scroll(), x1 - x0, lane->barHeight);
        p.fillRect(bar, f.palette.background);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(f.palette.now, f.style.px(1), Qt::DashLine));
        p.drawRect(bar);
        f.stats.rects += 1;
    }
    for (const auto& mark : f.viewport.pending) {
        const auto r = pendingChipRect(f.layout, f.viewport, f.style, mark);
        if (!r) continue;
        // Ghosted: the background shows through, the outline is dashed. It has not happened.
        QColor fill = f.palette.background;
        fill.setAlphaF(0.85);
        p.setBrush(fill);
        p.setPen(QPen(f.palette.now, f.style.px(1.5), Qt::DashLine));
        p.drawRoundedRect(*r, f.style.px(4), f.style.px(4));
        const double g = f.style.px(12);
        p.setOpacity(0.55);
        drawGlyph(p, mark.op, QPointF(r->left() + f.style.px(4) + g / 2, r->center().y()), g,
                  f.palette, false);
        p.setOpacity(1.0);
        p.setPen(f.palette.text);
        p.drawText(r->adjusted(g + f.style.px(8), 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                   mark.label);
        f.stats.rects += 1;
        f.stats.glyphs += 1;
        f.stats.texts += 1;
    }
    p.restore();
}

} // namespace detail
} // namespace mpviz::render
