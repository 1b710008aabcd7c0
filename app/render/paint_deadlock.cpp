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

// The labels of the loop: bold, small.
QFont loopFont(const Style& st) {
    QFont bold = st.font(FontRole::Small);
    bold.setBold(true);
    return bold;
}

// The stretch [formed, broken) in which every member of the cycle was stuck.
std::pair<std::int64_t, std::int64_t> cycleStretch(const Frame& f) {
    const auto& report = *f.trace.deadlock();
    const int nProcs = static_cast<int>(f.trace.processes().size());
    std::int64_t formed = INT64_MIN, broken = INT64_MAX;
    for (int proc : report.cycle) {
        if (proc >= nProcs || !f.layout.laneForProcess(proc)) continue;
        if (const auto* s = stuckSlice(f.trace, proc, report.ts)) {
            formed = std::max(formed, s->begin);
            broken = std::min(broken, f.sliceEnd(*s));
        }
    }
    if (formed == INT64_MIN) return {report.ts, report.ts};
    return {formed, broken};
}

double bulgeOf(const Style& st) {
    return st.px(30);
}

} // namespace

std::optional<DeadlockLoop> placeDeadlockLoop(const Frame& f) {
    if (!f.trace.deadlock()) return std::nullopt;
    const auto& report = *f.trace.deadlock();
    const Style& st = f.style;
    const QFontMetricsF fm(loopFont(st));
    double labelW = 0;
    double top = 1e300, bottom = -1e300;
    const double h = fm.height() + st.px(2);
    for (const auto& edge : report.edges) {
        const auto* a = f.layout.laneForProcess(edge.from);
        const auto* b = f.layout.laneForProcess(edge.to);
        if (!a || !b || a == b) continue;
        labelW =
            std::max(labelW, fm.horizontalAdvance(deadlockEdgeLabel(f.trace, edge)) + st.px(8));
        top = std::min({top, a->barCentre() - h / 2, b->barCentre()});
        bottom = std::max({bottom, a->barCentre() + h / 2, b->barCentre()});
    }
    if (top > bottom) return std::nullopt; // no edge between two lanes in view

    // The loop goes just after the moment the cycle closed (where a teacher points), far
    // enough from it that the bars' own words stay clear, its labels on its right, and
    // always inside the plot.
    const auto [formed, broken] = cycleStretch(f);
    const double bulge = bulgeOf(st);
    const double reach = bulge * 0.75; // how far an arc strays from the axis
    const double room = bulge + labelW + st.px(10);
    const double lo = std::max(f.plotLeft, f.x(formed)) + room;
    const double hi = std::min(f.plotRight - st.px(120), f.x(broken)) - room;
    DeadlockLoop loop;
    const double side = reach + st.px(4) + labelW; // from the axis to a label's far edge
    if (lo <= hi) {
        loop.axis = lo;
        loop.box = QRectF(lo - reach, top, reach + side, bottom - top);
        return loop;
    }
    // Too short a stretch to draw in (the engine noticed at once): the loop goes right after
    // the "killed" marks, in the room the layout keeps for it, every label on its right. Out
    // of view, the loop would point at bars it has nothing to do with (the outlines still
    // show the cycle).
    const double end = f.x(broken);
    if (end > f.plotRight || end < f.plotLeft) return std::nullopt;
    // The marks keep their longest form that leaves the loop and its labels room: "killed
    // (SIGKILL)", "killed", or none (paintBars asks the box which).
    const QFontMetricsF markFm(loopFont(st));
    QStringList marks = exitLabelForms(-SIGKILL);
    marks.append(QString());
    const double gap = st.px(8);
    for (const QString& mark : marks) {
        const double markW = mark.isEmpty() ? 0 : st.px(4) + markFm.horizontalAdvance(mark);
        loop.axis = end + markW + gap + reach;
        if (loop.axis + side + st.px(4) <= f.plotRight) break;
    }
    // Not even bare marks leave room: the labels stay whole, the loop comes back over the
    // bars' ends.
    loop.axis = std::max(f.plotLeft + reach, std::min(loop.axis, f.plotRight - side - st.px(4)));
    loop.box = QRectF(loop.axis - reach, top, reach + side, bottom - top);
    return loop;
}

void paintDeadlock(Frame& f) {
    const auto& report = *f.trace.deadlock();
    QPainter& p = f.p;
    const Style& st = f.style;
    const int nProcs = static_cast<int>(f.trace.processes().size());

    QPen outline(f.palette.deadlock, st.px(2.5));
    outline.setJoinStyle(Qt::MiterJoin);
    p.setPen(outline);
    p.setBrush(Qt::NoBrush);
    for (int proc : report.cycle) {
        const auto* lane = f.layout.laneForProcess(proc);
        if (!lane || proc >= nProcs) continue;
        const auto* s = stuckSlice(f.trace, proc, report.ts);
        if (!s) continue;
        const double x0 = std::max(f.x(s->begin), f.plotLeft - 10);
        const double x1 = std::min(f.x(f.sliceEnd(*s)), f.plotRight + 10);
        if (x1 <= x0) continue;
        p.drawRect(
            QRectF(x0, lane->barTop, x1 - x0, lane->barHeight).adjusted(-1.5, -1.5, 1.5, 1.5));
        ++f.stats.rects;
    }
    if (!f.deadlockLoop) return;
    const DeadlockLoop& loop = *f.deadlockLoop;

    const QFont bold = loopFont(st);
    const QFontMetricsF fm(bold);
    p.setFont(bold);
    const double bulge = bulgeOf(st);
    const double xd = loop.axis;
    std::vector<QRectF> placed; // labels already drawn: the next one must not cover them
    for (const auto& edge : report.edges) {
        // "waits: join", "waits: flush queue": what the edge's process waits in.
        const QString text = deadlockEdgeLabel(f.trace, edge);
        const auto* a = f.layout.laneForProcess(edge.from);
        const auto* b = f.layout.laneForProcess(edge.to);
        if (!a || !b || a == b) continue;
        // Edges into the cycle from outside (a parent joining a stuck child) are waits
        // too, but not the loop: thinner and dashed.
        const auto inCycle = [&](int proc) {
            return std::find(report.cycle.begin(), report.cycle.end(), proc) != report.cycle.end();
        };
        const bool inLoop = inCycle(edge.from) && inCycle(edge.to);
        const double ya = a->barCentre(), yb = b->barCentre();
        // Downward edges arc on the right, upward ones on the left: together a loop.
        const double side = yb > ya ? 1 : -1;
        const QPointF from(xd, ya), to(xd, yb);
        const QPointF c1(xd + side * bulge, ya), c2(xd + side * bulge, yb);
        QPainterPath path(from);
        path.cubicTo(c1, c2, to + QPointF(side * st.px(3), 0));
        QPen pen(f.palette.deadlock, inLoop ? st.px(2.2) : st.px(1.4),
                 inLoop ? Qt::SolidLine : Qt::DashLine);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setPen(Qt::NoPen);
        p.setBrush(f.palette.deadlock);
        p.drawPolygon(arrowHead(c2, to, inLoop ? st.px(9) : st.px(7)));
        ++f.stats.arrows;

        // The label outside the arc, on the lane of the process that waits (by the arrow's
        // tail), on a patch so it reads over the bars.
        const double w = fm.horizontalAdvance(text) + st.px(8);
        const double h = fm.height() + st.px(2);
        // All on the loop's right: on its left they would cover the words of the bars.
        QRectF box(xd + bulge * 0.75 + st.px(4), ya - h / 2, w, h);
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
