// Operation glyphs: one shape per operation (see glyphs.hpp for the table).

#include "render/glyphs.hpp"

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <cmath>

namespace mpviz::render {

using trace::Op;
using trace::Phase;

bool hasGlyph(const trace::Event& e) {
    if (e.phase != Phase::Done && e.phase != Phase::Failed) return false;
    switch (e.op) {
    case Op::Exit:     // the end mark says it
    case Op::Sleep:    // a bar says it
    case Op::Flush:    // a bar says it
    case Op::Deadlock: // the deadlock overlay says it
    case Op::Count:
        return false;
    default:
        return true;
    }
}

namespace {

enum class Fill { Solid, Hollow };

void setFill(QPainter& p, Fill fill, const QColor& colour, const Palette& palette, double r) {
    if (fill == Fill::Solid) {
        p.setPen(QPen(palette.glyphOutline, std::max(0.75, r / 6)));
        p.setBrush(colour);
    } else {
        p.setPen(QPen(colour, std::max(1.25, r / 3.5)));
        p.setBrush(palette.background);
    }
}

void strokeOnly(QPainter& p, const QColor& colour, double r) {
    QPen pen(colour, std::max(1.5, r / 2.6));
    pen.setCapStyle(Qt::SquareCap);
    pen.setJoinStyle(Qt::MiterJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
}

QPolygonF triangle(QPointF c, double r, double angleDeg) {
    QPolygonF poly;
    for (int k = 0; k < 3; ++k) {
        const double a = (angleDeg + 120.0 * k) * M_PI / 180.0;
        poly << QPointF(c.x() + r * std::cos(a), c.y() - r * std::sin(a));
    }
    return poly;
}

QPolygonF regular(QPointF c, double r, int n, double startDeg) {
    QPolygonF poly;
    for (int k = 0; k < n; ++k) {
        const double a = (startDeg + 360.0 * k / n) * M_PI / 180.0;
        poly << QPointF(c.x() + r * std::cos(a), c.y() - r * std::sin(a));
    }
    return poly;
}

} // namespace

void drawGlyph(QPainter& p, Op op, QPointF c, double size, const Palette& palette, bool failed) {
    const double r = size / 2;
    const QColor colour = opColor(palette, op);
    const Fill solid = failed ? Fill::Hollow : Fill::Solid;
    const double x = c.x(), y = c.y();
    switch (op) {
    case Op::Acquire:
        setFill(p, solid, colour, palette, r);
        p.drawRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7));
        break;
    case Op::Release:
        setFill(p, Fill::Hollow, colour, palette, r);
        p.drawRect(QRectF(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6));
        break;
    case Op::Put:
        setFill(p, solid, colour, palette, r);
        p.drawPolygon(triangle(c + QPointF(0, r * 0.15), r * 1.1, 90));
        break;
    case Op::Get:
        setFill(p, solid, colour, palette, r);
        p.drawPolygon(triangle(c - QPointF(0, r * 0.15), r * 1.1, -90));
        break;
    case Op::Send:
        setFill(p, solid, colour, palette, r);
        p.drawPolygon(triangle(c - QPointF(r * 0.15, 0), r * 1.1, 0));
        break;
    case Op::Recv:
        setFill(p, solid, colour, palette, r);
        p.drawPolygon(triangle(c + QPointF(r * 0.15, 0), r * 1.1, 180));
        break;
    case Op::Set:
        setFill(p, solid, colour, palette, r);
        p.drawEllipse(c, r * 0.9, r * 0.9);
        break;
    case Op::Clear:
        setFill(p, Fill::Hollow, colour, palette, r);
        p.drawEllipse(c, r * 0.8, r * 0.8);
        break;
    case Op::Wait: { // half filled: waits for the flag
        setFill(p, Fill::Hollow, colour, palette, r);
        p.drawEllipse(c, r * 0.8, r * 0.8);
        if (!failed) {
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawPie(QRectF(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6), 90 * 16, 180 * 16);
        }
        break;
    }
    case Op::Start:
        strokeOnly(p, colour, r);
        p.drawLine(QPointF(x - r, y), QPointF(x + r, y));
        p.drawLine(QPointF(x, y - r), QPointF(x, y + r));
        break;
    case Op::Join:
    case Op::QueueJoin: { // ⊓: waits until the other side closes
        strokeOnly(p, colour, r);
        const QPointF pts[] = {{x - r * 0.8, y + r},
                               {x - r * 0.8, y - r * 0.7},
                               {x + r * 0.8, y - r * 0.7},
                               {x + r * 0.8, y + r}};
        p.drawPolyline(pts, 4);
        break;
    }
    case Op::Terminate:
        strokeOnly(p, colour, r);
        p.drawLine(QPointF(x - r * 0.85, y - r * 0.85), QPointF(x + r * 0.85, y + r * 0.85));
        p.drawLine(QPointF(x - r * 0.85, y + r * 0.85), QPointF(x + r * 0.85, y - r * 0.85));
        break;
    case Op::Print: {
        QPen pen(colour, std::max(1.0, r / 3.5));
        pen.setCapStyle(Qt::FlatCap);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        for (int k = -1; k <= 1; ++k)
            p.drawLine(QPointF(x - r, y + k * r * 0.7),
                       QPointF(x + (k == 1 ? r * 0.3 : r), y + k * r * 0.7));
        break;
    }
    case Op::Exit:
        strokeOnly(p, colour, r);
        p.drawLine(QPointF(x, y - r), QPointF(x, y + r));
        break;
    case Op::Submit:
        setFill(p, Fill::Hollow, QColor(colour).darker(160), palette, r);
        p.drawPolygon(regular(c, r, 5, 90));
        break;
    case Op::TaskStart:
    case Op::TaskEnd: { // [ … ]: the task's bracket
        strokeOnly(p, QColor(colour).darker(160), r);
        const double d = op == Op::TaskStart ? 1 : -1;
        const QPointF pts[] = {{x + d * r * 0.5, y - r},
                               {x - d * r * 0.3, y - r},
                               {x - d * r * 0.3, y + r},
                               {x + d * r * 0.5, y + r}};
        p.drawPolyline(pts, 4);
        break;
    }
    case Op::Read:
        setFill(p, Fill::Hollow, colour, palette, r);
        p.drawPolygon(regular(c, r, 4, 90));
        break;
    case Op::Write:
        setFill(p, solid, colour, palette, r);
        p.drawPolygon(regular(c, r, 4, 90));
        break;
    case Op::TaskDone: {
        strokeOnly(p, colour, r);
        const QPointF pts[] = {
            {x - r * 0.9, y}, {x - r * 0.2, y + r * 0.7}, {x + r * 0.9, y - r * 0.8}};
        p.drawPolyline(pts, 3);
        break;
    }
    default:
        setFill(p, solid, colour, palette, r);
        p.drawEllipse(c, r * 0.4, r * 0.4);
        break;
    }
    if (failed) { // gave up: a slash through it
        QPen pen(palette.text, std::max(1.0, r / 4));
        p.setPen(pen);
        p.drawLine(QPointF(x - r, y + r), QPointF(x + r, y - r));
    }
}

} // namespace mpviz::render
