// Shapes shared by the lanes, the legend and the overlays, so a legend sample is exactly
// what the lanes show.

#include "render/paint_context.hpp"

#include <QImage>
#include <QLineF>
#include <QPaintEngine>
#include <QPen>
#include <QPolygonF>

#include <cmath>

namespace mpviz::render::detail {

QRectF stateRect(trace::State state, double x0, double x1, double barTop, double barHeight) {
    if (state == trace::State::Sleeping)
        return QRectF(x0, barTop + barHeight * 0.25, x1 - x0, barHeight * 0.5);
    return QRectF(x0, barTop, x1 - x0, barHeight);
}

namespace {

// 45° lines from bottom-left to top-right inside `r`, phase-locked to x = 0 and to the
// rectangle's bottom so adjacent runs and scrolling do not make the pattern jump.
void hatchLines(const QRectF& r, double spacing, QVector<QLineF>& lines) {
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

// One period of the same lines, drawn once in device pixels: a square `side` px wide
// whose lines meet their neighbours' across every edge.
QImage hatchTile(int side, const QPen& pen) {
    QImage tile(side, side, QImage::Format_ARGB32_Premultiplied);
    tile.fill(Qt::transparent);
    QPainter p(&tile);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(pen);
    for (int k = 0; k <= 2; ++k)
        p.drawLine(QLineF(k * side - side, side, k * side, 0));
    return tile;
}

} // namespace

void drawHatching(Frame& f, const QVector<QRectF>& rects) {
    if (rects.isEmpty()) return;
    QPainter& p = f.p;
    const double spacing = f.style.px(6);
    QPen pen(f.palette.hatch, std::max(1.0, f.style.px(1.3)), Qt::SolidLine, Qt::FlatCap);
    // On a raster the period is a whole number of device pixels, so that tiles meet.
    const int side = std::max(3, static_cast<int>(std::lround(spacing * f.dpr)));
    const bool pixels = p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster &&
                        p.worldTransform().type() <= QTransform::TxScale;
    if (!pixels) {
        // Vector output (SVG, PDF) keeps real lines.
        QVector<QLineF> lines;
        for (const QRectF& r : rects)
            hatchLines(r, spacing, lines);
        p.save();
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(pen);
        p.drawLines(lines);
        p.restore();
        f.stats.lines += static_cast<std::size_t>(lines.size());
        return;
    }
    // On a raster the same picture is a tiled fill: stroking hundreds of antialiased
    // lines cost a live frame a third of its paint.
    pen.setWidthF(pen.widthF() * f.dpr);
    QBrush brush(hatchTile(side, pen));
    brush.setTransform(
        QTransform::fromScale(1 / f.dpr, 1 / f.dpr)); // a tile pixel per device pixel
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    for (const QRectF& r : rects) {
        p.setBrushOrigin(QPointF(0, r.bottom())); // lines through (k·period, bottom)
        p.fillRect(r, brush);
    }
    p.restore();
    f.stats.rects += static_cast<std::size_t>(rects.size());
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
