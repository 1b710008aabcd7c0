// A detected deadlock drawn as the lesson draws it on a board: the blocked bars of every
// process in the cycle outlined, and a loop of arrows "waits for" closing the cycle at the
// moment it was detected, each labelled with what it waits in ("join", "flush queue").

#include "render/labels.hpp"
#include "render/paint_context.hpp"

#include <QFontMetricsF>
#include <QPainterPath>

#include <algorithm>
#include <csignal>

namespace mpviz::render::detail {

namespace {

// The blocked slice a cycle member was stuck in at `ts` (or the last one before it).
const trace::Slice* stuckSlice(const trace::TraceData& trace, int process, std::int64_t ts) {
    if (const auto* s = trace.sliceAt(process, ts); s && s->state == trace::State::Blocked)
        return s;
    const auto before = trace.slicesIn(process, trace.firstTs(), ts + 1);
    for (auto it = before.rbegin(); it != before.rend(); ++it)
        if (it->state == trace::State::Blocked) return &*it;
    return nullptr;
}

} // namespace

void paintDeadlock(Frame& f) {
    const auto& report = *f.trace.deadlock();
    QPainter& p = f.p;
    const Style& st = f.style;
    const int nProcs = static_cast<int>(f.trace.processes().size());

    QPen outline(f.palette.deadlock, st.px(2.5));
    outline.setJoinStyle(Qt::MiterJoin);
    p.setPen(outline);
    p.setBrush(Qt::NoBrush);
    std::int64_t formed = INT64_MIN, broken = INT64_MAX; // the cycle held in [formed, broken)
    for (int proc : report.cycle) {
        const auto* lane = f.layout.laneForProcess(proc);
        if (!lane || proc >= nProcs) continue;
        const auto* s = stuckSlice(f.trace, proc, report.ts);
        if (!s) continue;
        formed = std::max(formed, s->begin);
        broken = std::min(broken, f.sliceEnd(*s));
        const double x0 = std::max(f.x(s->begin), f.plotLeft - 10);
        const double x1 = std::min(f.x(f.sliceEnd(*s)), f.plotRight + 10);
        if (x1 <= x0) continue;
        p.drawRect(
            QRectF(x0, lane->barTop, x1 - x0, lane->barHeight).adjusted(-1.5, -1.5, 1.5, 1.5));
        ++f.stats.rects;
    }
    if (formed == INT64_MIN) formed = broken = report.ts;

    const QFont font = st.font(FontRole::Small);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF fm(bold);
    p.setFont(bold);
    // "waits: join", "waits: flush queue": what each edge of the cycle waits in.
    std::vector<QString> texts;
    double labelW = 0;
    for (const auto& edge : report.edges) {
        texts.push_back(deadlockEdgeLabel(f.trace, edge));
        labelW = std::max(labelW, fm.horizontalAdvance(texts.back()) + st.px(8));
    }

    // The loop goes just after the moment the cycle closed (where a teacher points), with
    // room for its labels on both sides, and always inside the plot.
    const double bulge = st.px(30);
    const double room = bulge + labelW + st.px(10);
    const double lo = std::max(f.plotLeft, f.x(formed)) + room;
    const double hi = std::min(f.plotRight - st.px(120), f.x(broken)) - room;
    // Too short a stretch to draw in (the engine noticed at once): the loop goes right after
    // the "killed" marks, in the room the layout keeps for it, every label on its right.
    const bool after = lo > hi;
    // Its place is just after the moment it was found: out of view, the loop would point
    // at bars it has nothing to do with (the outlines above still show the cycle).
    if (after && (f.x(broken) > f.plotRight || f.x(broken) < f.plotLeft)) return;
    const QFontMetricsF exitFm(bold);
    const double xd = after ? std::min(f.x(broken) + exitFm.horizontalAdvance(exitLabel(-SIGKILL)) +
                                           st.px(10) + bulge,
                                       f.plotRight - bulge - labelW - st.px(4))
                            : lo;
    std::vector<QRectF> placed; // labels already drawn: the next one must not cover them
    std::size_t k = 0;
    for (const auto& edge : report.edges) {
        const QString& text = texts[k++];
        const auto* a = f.layout.laneForProcess(edge.from);
        const auto* b = f.layout.laneForProcess(edge.to);
        if (!a || !b || a == b) continue;
        // Edges into the cycle from outside (a parent joining a stuck child) are waits
        // too, but not the loop: thinner and dashed.
        const auto inCycle = [&](int proc) {
            return std::find(report.cycle.begin(), report.cycle.end(), proc) != report.cycle.end();
        };
        const bool loop = inCycle(edge.from) && inCycle(edge.to);
        const double ya = a->barCentre(), yb = b->barCentre();
        // Downward edges arc on the right, upward ones on the left: together a loop.
        const double side = yb > ya ? 1 : -1;
        const QPointF from(xd, ya), to(xd, yb);
        const QPointF c1(xd + side * bulge, ya), c2(xd + side * bulge, yb);
        QPainterPath path(from);
        path.cubicTo(c1, c2, to + QPointF(side * st.px(3), 0));
        QPen pen(f.palette.deadlock, loop ? st.px(2.2) : st.px(1.4),
                 loop ? Qt::SolidLine : Qt::DashLine);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setPen(Qt::NoPen);
        p.setBrush(f.palette.deadlock);
        p.drawPolygon(arrowHead(c2, to, loop ? st.px(9) : st.px(7)));
        ++f.stats.arrows;

        // The label outside the arc, on a patch so it reads over the bars.
        const double w = fm.horizontalAdvance(text) + st.px(8);
        const double h = fm.height() + st.px(2);
        const double midY = (ya + yb) / 2;
        const double tx =
            side > 0 || after ? xd + bulge * 0.75 + st.px(4) : xd - bulge * 0.75 - st.px(4) - w;
        QRectF box(tx, midY - h / 2, w, h);
        for (bool moved = true; moved;) {
            moved = false;
            for (const QRectF& r : placed)
                if (r.intersects(box)) {
                    box.moveTop(r.bottom() + st.px(2));
                    moved = true;
                }
        }
        placed.push_back(box);
        p.setPen(QPen(f.palette.deadlock, 1));
        p.setBrush(f.palette.background);
        p.drawRect(box);
        p.setPen(f.palette.deadlock);
        p.drawText(box, Qt::AlignCenter, text);
        f.stats.rects += 1;
        f.stats.texts += 1;
    }
}

} // namespace mpviz::render::detail
