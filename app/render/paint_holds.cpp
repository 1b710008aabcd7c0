// Held locks and semaphore permits: a band under the state bar for each stretch a process
// held one (trace.hpp, Hold), in the object's colour, its name written in it where it fits;
// nested holds one row lower. A process that died holding it: the band ends at its death
// with a dashed outline, as the lock's card dashes its chip.
//
// Level of detail as for the bars: a hold at least one device pixel column wide is drawn as
// it is; a column holding several narrower ones is drawn once, in the colour of the first,
// and the walk gallops past it, so a lane costs O(columns · log holds) at worst.

#include "render/labels.hpp"
#include "render/paint_context.hpp"
#include "trace/gallop.hpp"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <map>

namespace mpviz::render::detail {

using trace::Hold;

namespace {

struct HoldBands {
    std::map<std::uint16_t, QVector<QRectF>> fills; // by object: one brush each
    // A band touching the one before it in the same row and colour extends it: a run of
    // columns full of short holds is one rectangle.
    void fill(std::uint16_t object, const QRectF& band) {
        auto& rects = fills[object];
        if (!rects.isEmpty() && rects.back().top() == band.top() &&
            std::abs(rects.back().right() - band.left()) < 0.01) {
            rects.back().setRight(band.right());
            return;
        }
        rects.append(band);
    }
    QVector<QRectF> died; // outlined dashed
    struct Label {
        QRectF box;
        const Hold* hold;
    };
    std::vector<Label> labels;
};

void levelBands(Frame& f, int process, int level, double top, double height, HoldBands& out) {
    const auto holds = f.trace.holdsIn(process, level, f.tA, f.tB);
    const double col = 1.0 / f.dpr;
    double claimed = -1e300; // x up to which columns were already drawn
    std::size_t i = 0;
    while (i < holds.size()) {
        const Hold& h = holds[i];
        const std::int64_t end = h.end == trace::Slice::kOpen ? f.liveEnd : h.end;
        const double xb = std::max(f.x(std::max(h.begin, f.tA)), claimed);
        const double xe = f.x(std::min(end, f.tB));
        if (xe <= claimed) { // inside a column already drawn
            ++i;
            continue;
        }
        if (xe - xb >= col) {
            const QRectF band(xb, top, xe - xb, height);
            out.fill(h.object, band);
            if (h.diedHolding) out.died.append(band);
            out.labels.push_back({band, &h});
            claimed = xe;
            ++i;
            continue;
        }
        // Narrower than a column: the column is drawn once, for every hold that begins in it.
        const double cx0 = std::max(std::floor(xb * f.dpr) * col, claimed);
        const double cx1 = std::floor(xb * f.dpr) * col + col;
        if (cx1 > cx0) out.fill(h.object, QRectF(cx0, top, cx1 - cx0, height));
        claimed = std::max(claimed, cx1);
        const std::int64_t c1 = f.layout.mapping.mapXToTime(cx1);
        const auto next =
            trace::gallopFromFront(holds.begin() + static_cast<std::ptrdiff_t>(i) + 1, holds.end(),
                                   [c1](const Hold& later) { return later.begin < c1; });
        // The last hold begun in the column may reach on past it: look at it again.
        const auto j = static_cast<std::size_t>(next - holds.begin());
        i = (j - 1 > i &&
             f.x(holds[j - 1].end == trace::Slice::kOpen ? f.liveEnd : holds[j - 1].end) > cx1)
                ? j - 1
                : j;
    }
}

// "lock_a (owner died)", then "lock_a": a narrow band writes a shorter whole form.
QStringList holdLabelForms(const trace::TraceData& trace, const Hold& h) {
    const QString name = objectName(trace, h.object);
    if (!h.diedHolding) return {name};
    return {QCoreApplication::translate("render", "%1 (owner died)").arg(name), name};
}

} // namespace

void paintHolds(Frame& f) {
    if (f.layout.holdRows == 0) return;
    QPainter& p = f.p;
    const Style& st = f.style;
    HoldBands bands;
    for (const auto& lane : f.layout.lanes) {
        const int levels = f.trace.holdLevels(lane.process);
        for (int level = 0; level < levels; ++level) {
            // Holds deeper than the rows there are share the last row.
            const int row = std::min(level, f.layout.holdRows - 1);
            levelBands(f, lane.process, level, lane.holdTop + row * lane.holdRow, lane.holdBand,
                       bands);
        }
    }

    p.save();
    p.setPen(Qt::NoPen);
    p.setRenderHint(QPainter::Antialiasing, false); // axis-aligned, as the bars
    std::map<std::uint16_t, QColor> colours;
    for (const auto& [object, rects] : bands.fills) {
        const QColor colour = holdColor(f.palette, object);
        colours[object] = colour;
        p.setBrush(colour);
        p.drawRects(rects);
        f.stats.rects += static_cast<std::size_t>(rects.size());
    }
    if (!bands.died.isEmpty()) {
        p.setBrush(Qt::NoBrush);
        QPen dashed(f.palette.text, std::max(1.0, st.px(1.2)), Qt::DashLine, Qt::FlatCap);
        p.setPen(dashed);
        for (const QRectF& r : bands.died)
            p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
        f.stats.rects += static_cast<std::size_t>(bands.died.size());
    }

    const QFont font = st.font(FontRole::Small);
    const QFontMetricsF fm(font);
    const double charWidth = fm.averageCharWidth(); // a font table lookup on every call
    p.setFont(font);
    const double pad = st.px(4);
    for (const auto& label : bands.labels) {
        const double x0 = std::max(label.box.left(), f.plotLeft);
        const double x1 = std::min(label.box.right(), f.plotRight);
        const double room = x1 - x0 - 2 * pad;
        if (room < charWidth * 3) continue;
        const QString text = longestThatFits(holdLabelForms(f.trace, *label.hold), fm, room);
        if (text.isEmpty()) continue;
        p.setPen(textOn(colours[label.hold->object]));
        p.drawText(QRectF(x0 + pad, label.box.top(), x1 - x0 - 2 * pad, label.box.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, text);
        ++f.stats.texts;
    }
    p.restore();
}

} // namespace mpviz::render::detail
