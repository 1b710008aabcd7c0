// The header: title, legend (samples drawn with the lanes' own shapes), axis.

#include "render/glyphs.hpp"
#include "render/paint_context.hpp"

#include <QFontMetricsF>

namespace mpviz::render::detail {

namespace {

void legendSample(Frame& f, const LegendEntry& e) {
    QPainter& p = f.p;
    const QRectF r = e.sample;
    switch (e.kind) {
    case LegendEntry::Kind::State: {
        const QRectF bar = stateRect(e.state, r.left(), r.right(), r.top(), r.height());
        p.fillRect(bar, stateColor(f.palette, e.state));
        ++f.stats.rects;
        if (e.state == trace::State::Blocked) drawHatching(f, {bar});
        break;
    }
    case LegendEntry::Kind::Exit:
        p.setPen(QPen(f.palette.text, f.style.px(2.5), Qt::SolidLine, Qt::FlatCap));
        p.drawLine(QLineF(r.center().x(), r.top() - 1, r.center().x(), r.bottom() + 1));
        ++f.stats.lines;
        break;
    case LegendEntry::Kind::Op:
        drawGlyph(p, e.op, r.center(), r.width() * 11 / 12, f.palette);
        ++f.stats.glyphs;
        break;
    case LegendEntry::Kind::Arrow: {
        const QPen pen = arrowPen(f.palette, e.arrow, std::max(1.0, f.style.px(1.4)));
        const QPointF a(r.left(), r.center().y()), b(r.right(), r.center().y());
        p.setPen(pen);
        p.drawLine(QLineF(a, b - QPointF(f.style.px(4), 0)));
        p.setPen(Qt::NoPen);
        p.setBrush(pen.color());
        p.drawPolygon(arrowHead(a, b, f.style.px(7)));
        ++f.stats.arrows;
        break;
    }
    case LegendEntry::Kind::Hold: {
        const double h = f.style.px(10);
        p.fillRect(QRectF(r.left(), r.center().y() - h / 2, r.width(), h),
                   holdColor(f.palette, e.object));
        ++f.stats.rects;
        break;
    }
    case LegendEntry::Kind::LostUpdate: {
        const double d = std::min(r.width(), r.height());
        p.setPen(QPen(f.palette.blocked, f.style.px(2.2)));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QRectF(r.center().x() - d / 2, r.center().y() - d / 2, d, d));
        ++f.stats.glyphs;
        break;
    }
    case LegendEntry::Kind::Deadlock:
        p.setPen(QPen(f.palette.deadlock, f.style.px(2.5)));
        p.setBrush(f.palette.blocked);
        p.drawRect(r.adjusted(1, 1, -1, -1));
        ++f.stats.rects;
        break;
    }
}

} // namespace

void paintHeader(Frame& f) {
    QPainter& p = f.p;
    const auto& L = f.layout;
    const Style& st = f.style;

    if (!L.title.isEmpty() && !L.titleRect.isEmpty()) {
        const QFont font = st.font(FontRole::Title);
        p.setFont(font);
        p.setPen(f.palette.text);
        const QString text =
            QFontMetricsF(font).elidedText(L.title, Qt::ElideRight, L.titleRect.width());
        p.drawText(L.titleRect, Qt::AlignLeft | Qt::AlignVCenter, text);
        ++f.stats.texts;
    }

    const QFont small = st.font(FontRole::Small);
    for (const auto& e : L.legend) {
        legendSample(f, e);
        p.setFont(small);
        p.setPen(f.palette.text);
        p.drawText(e.textRect, Qt::AlignLeft | Qt::AlignVCenter, e.text);
        ++f.stats.texts;
    }

    if (!L.mapping.isValid()) return;
    const QRectF axis = L.axisRect;
    const QFontMetricsF fm(small);
    p.setFont(small);
    QVector<QLineF> marks;
    marks.append(QLineF(f.plotLeft, axis.bottom() - 0.5, f.plotRight, axis.bottom() - 0.5));
    // The "now" tag sits on the axis: a tick label under it would peek out beside it.
    const auto now = nowLabelRect(f);
    for (const auto& tick : L.ticks) {
        if (tick.x < f.plotLeft - 0.5 || tick.x > f.plotRight) continue;
        marks.append(QLineF(tick.x, axis.bottom() - st.px(5), tick.x, axis.bottom()));
        const double w = fm.horizontalAdvance(tick.label);
        const QRectF label(tick.x - w / 2, axis.top(), w, fm.height());
        if (now && now->intersects(label)) continue;
        p.setPen(f.palette.mutedText);
        p.drawText(QPointF(label.left(), axis.top() + fm.ascent()), tick.label);
        ++f.stats.texts;
    }
    p.setPen(QPen(f.palette.mutedText, 1));
    p.drawLines(marks);
    f.stats.lines += static_cast<std::size_t>(marks.size());
}

} // namespace mpviz::render::detail
