// The live "now" line, the replay playhead and the selected event's ring: drawn last,
// over lanes and axis, so they are never hidden.

#include "render/glyphs.hpp"
#include "render/paint_context.hpp"

#include <QCoreApplication>
#include <QFontMetricsF>

namespace mpviz::render::detail {

namespace {

QString nowLabel() {
    return QCoreApplication::translate("render", "now");
}

// The tag's box centred on x at the top of the axis.
QRectF tagRect(const Frame& f, double x, const QString& label) {
    const QFontMetricsF fm(f.style.font(FontRole::Small));
    const double w = fm.horizontalAdvance(label) + f.style.px(6);
    return QRectF(x - w / 2, f.layout.axisRect.top(), w, fm.height());
}

void verticalMarker(Frame& f, std::int64_t t, const QColor& colour, const QString& label,
                    bool handle) {
    const double x = f.x(t);
    if (x < f.plotLeft || x > f.plotRight) return;
    QPainter& p = f.p;
    const auto& L = f.layout;
    const double bottom = std::min(f.viewport.size.height(), L.contentHeight - f.scroll());
    p.setPen(QPen(colour, f.style.px(2), Qt::SolidLine, Qt::FlatCap));
    p.drawLine(QLineF(x, L.axisRect.bottom(), x, bottom));
    ++f.stats.lines;
    const QFont font = f.style.font(FontRole::Small);
    if (handle) { // the playhead's grip: a triangle on the axis
        const double s = f.style.px(6);
        const QPointF tip(x, L.axisRect.bottom());
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawPolygon(QPolygonF{tip, tip + QPointF(-s, -s * 1.4), tip + QPointF(s, -s * 1.4)});
        ++f.stats.glyphs;
    }
    if (!label.isEmpty()) {
        const QRectF box = tagRect(f, x, label);
        p.fillRect(box, colour);
        p.setPen(f.palette.background);
        p.setFont(font);
        p.drawText(box, Qt::AlignCenter, label);
        f.stats.rects += 1;
        f.stats.texts += 1;
    }
}

} // namespace

std::optional<QRectF> nowLabelRect(const Frame& f) {
    if (!f.viewport.now) return std::nullopt;
    const double x = f.x(*f.viewport.now);
    if (x < f.plotLeft || x > f.plotRight) return std::nullopt;
    return tagRect(f, x, nowLabel());
}

void paintMarkers(Frame& f) {
    const auto& v = f.viewport;
    if (v.playhead) verticalMarker(f, *v.playhead, f.palette.playhead, {}, true);
    if (v.now) verticalMarker(f, *v.now, f.palette.now, nowLabel(), false);

    if (v.selected && *v.selected < f.trace.events().size()) {
        const auto& e = f.trace.events()[*v.selected];
        const auto* lane = f.layout.laneForProcess(e.process);
        if (!lane) return;
        const QPointF c(f.x(e.ts), lane->glyphY - f.scroll());
        if (c.x() < f.plotLeft - 20 || c.x() > f.plotRight + 20) return;
        QPainter& p = f.p;
        p.save();
        p.setClipRect(QRectF(f.plotLeft, f.layout.headerHeight, f.plotRight - f.plotLeft,
                             std::max(0.0, v.size.height() - f.layout.headerHeight)));
        const double g = f.style.px(11);
        // Redraw the glyph on top (it may sit in an activity strip), then ring it.
        drawGlyph(p, e.op, c, g, f.palette, e.phase == trace::Phase::Failed);
        p.setPen(QPen(f.palette.selection, f.style.px(2.5)));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(c, g * 0.95, g * 0.95);
        p.setPen(QPen(f.palette.selection, 1, Qt::DashLine));
        p.drawLine(QLineF(c.x(), c.y() + g, c.x(), lane->bottom() - f.scroll()));
        p.restore();
        f.stats.glyphs += 2;
        f.stats.lines += 1;
    }
}

} // namespace mpviz::render::detail
