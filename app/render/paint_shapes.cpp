// Shapes shared by the lanes, the legend and the overlays, so a legend sample is exactly
// what the lanes show.

#include "render/paint_context.hpp"

#include <QLineF>
#include <QPen>
#include <QPolygonF>

#include <cmath>

namespace mpviz::render::detail {

QRectF stateRect(trace::State state, double x0, double x1, double barTop, double barHeight) {
    if (state == trace::State::Sleeping)
        return QRectF(x0, barTop + barHeight * 0.25, x1 - x0, barHeight * 0.5);
    return QRectF(x0, barTop, x1 - x0, barHeight);
}

void hatch(const QRectF& r, double spacing, QVector<QLineF>& lines) {
    // 45° lines from bottom-left to top-right, phase-locked to x = 0 so adjacent runs and
    // scrolling do not make the pattern jump.
    const double h = r.height();
    if (r.width() <= 0 || h <= 0 || spacing <= 0) return;
    double start = std::floor((r.left() - h) / spacing) * spacing;
    for (double x = start; x < r.right(); x += spacing) {
        QPointF a(x, r.bottom());
        QPointF b(x + h, r.top());
        if (a.x() < r.left()) a = QPointF(r.left(), r.bottom() - (r.left() - x));
        if (b.x() > r.right()) b = QPointF(r.right(), r.top() + (x + h - r.right()));
        if (b.x() - a.x() > 0.25) lines.append(QLineF(a, b));
    }
}

QPolygonF arrowHead(QPointF from, QPointF tip, double size) {
    const QLineF line(tip, from);
    const double len = line.length();
    if (len < 1e-6) return {};
    const QPointF u = (from - tip) / len; // back along the arrow
    const QPointF n(-u.y(), u.x());
    return QPolygonF{tip, tip + u * size + n * size * 0.45, tip + u * size - n * size * 0.45};
}

QPen arrowPen(const Palette& palette, trace::Message::Kind kind, double width) {
    using Kind = trace::Message::Kind;
    QPen pen;
    pen.setWidthF(width);
    pen.setCapStyle(Qt::FlatCap);
    switch (kind) {
    case Kind::Item:
        pen.setColor(palette.itemArrow);
        break;
    case Kind::Wake:
        pen.setColor(palette.wakeArrow);
        pen.setStyle(Qt::DashLine);
        break;
    case Kind::Start:
        pen.setColor(palette.startArrow);
        pen.setStyle(Qt::DotLine);
        break;
    case Kind::Exit:
        pen.setColor(palette.exitArrow);
        pen.setStyle(Qt::DashDotLine);
        break;
    }
    return pen;
}

} // namespace mpviz::render::detail
