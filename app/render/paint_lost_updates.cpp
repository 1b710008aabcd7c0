// A Value's or an Array element's lost updates (trace.hpp, LostUpdate) where they happen: a ring in
// the alarm colour around the write that erased another process's number, a dotted line back to the
// write it erased, and "lost update" beside the ring where there is room. Only those in view
// are looked at (binary search); rings closer than their own size on a lane are drawn once.

#include "render/paint_context.hpp"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>

namespace mpviz::render::detail {

void paintLostUpdates(Frame& f) {
    QPainter& p = f.p;
    const Style& st = f.style;
    const auto events = f.trace.events();
    const auto objects = f.trace.objects();
    const double r = st.px(9);
    QVector<QRectF> rings;
    QVector<QLineF> links;
    struct Label {
        QPointF at;
        double right;
    };
    std::vector<Label> labels;
    QFont font = st.font(FontRole::Small);
    font.setBold(true);
    const QFontMetricsF fm(font);
    const QString text = QCoreApplication::translate("render", "lost update");
    std::vector<double> lastRing(f.layout.lanes.size(), -1e300);
    std::vector<double> labelEnd(f.layout.lanes.size(), -1e300);
    for (std::size_t o = 0; o < objects.size(); ++o) {
        if (objects[o].kind != trace::ObjectKind::Value &&
            objects[o].kind != trace::ObjectKind::Array)
            continue;
        const auto object = static_cast<std::uint16_t>(o);
        const auto upToEnd = f.trace.lostUpdatesUpTo(object, f.tB);
        const auto before = f.trace.lostUpdatesUpTo(object, f.tA - 1);
        for (const trace::LostUpdate& lost : upToEnd.subspan(before.size())) {
            const trace::Event& write = events[lost.write];
            const LaneGeometry* lane = f.layout.laneForProcess(write.process);
            if (!lane) continue;
            const auto index = static_cast<std::size_t>(f.layout.laneOfProcess[write.process]);
            const QPointF c(f.x(write.ts), lane->glyphY);
            if (c.x() - lastRing[index] < r) continue;
            lastRing[index] = c.x();
            rings.append(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r));
            const trace::Event& erased = events[lost.erased];
            if (const LaneGeometry* from = f.layout.laneForProcess(erased.process))
                links.append(QLineF(QPointF(f.x(erased.ts), from->glyphY), c));
            const double x = c.x() + r + st.px(3);
            const double w = fm.horizontalAdvance(text);
            if (x > labelEnd[index] && x + w <= f.plotRight) {
                labels.push_back({QPointF(x, c.y()), x + w});
                labelEnd[index] = x + w;
            }
        }
    }
    if (rings.isEmpty()) return;
    const QColor alarm = f.palette.blocked;
    p.save();
    p.setBrush(Qt::NoBrush);
    QPen dotted(alarm, std::max(1.0, st.px(1.3)), Qt::DotLine, Qt::FlatCap);
    p.setPen(dotted);
    p.drawLines(links);
    f.stats.lines += static_cast<std::size_t>(links.size());
    p.setPen(QPen(alarm, st.px(2.2)));
    for (const QRectF& ring : rings)
        p.drawEllipse(ring);
    f.stats.glyphs += static_cast<std::size_t>(rings.size());
    p.setFont(font);
    for (const Label& l : labels) {
        // On a patch of the background: glyphs and arrows under it would hurt reading.
        const QRectF box(l.at.x() - st.px(2), l.at.y() - fm.height() / 2,
                         l.right - l.at.x() + st.px(4), fm.height());
        p.fillRect(box, f.palette.background);
        p.setPen(alarm);
        p.drawText(box, Qt::AlignCenter, text);
        ++f.stats.texts;
    }
    p.restore();
}

} // namespace mpviz::render::detail
