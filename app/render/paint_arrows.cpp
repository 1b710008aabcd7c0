// Arrows between lanes: item put→get and send→recv, wake set→wait, start→child's first
// event, exit→join. Each pen style differs (solid, dashed, dotted, dash-dot), so kinds
// are told apart without colour. Level of detail from the ArrowIndex: per process pair,
// arrows leaving one few-pixel bucket are looked at together (a dense fan draws its first
// and last arrow), and at most one arrow arrives per lane and bucket; so the cost follows
// the pixels, not the messages. (Qt's raster engine fills one path holding thousands of
// heads in quadratic time: heads are drawn as separate polygons.)

#include "render/arrow_index.hpp"
#include "render/paint_context.hpp"
#include "trace/gallop.hpp"

#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>

namespace mpviz::render::detail {

using Kind = trace::Message::Kind;

namespace {

// Cuts the segment a–b to xlo ≤ x ≤ xhi; false when nothing is left. Keeps arrows that
// reach far off-screen from handing huge coordinates to the paint engine.
bool clipX(QPointF& a, QPointF& b, double xlo, double xhi) {
    if ((a.x() < xlo && b.x() < xlo) || (a.x() > xhi && b.x() > xhi)) return false;
    auto cut = [&](QPointF& p, const QPointF& q, double x) {
        const double t = (x - p.x()) / (q.x() - p.x());
        p = QPointF(x, p.y() + t * (q.y() - p.y()));
    };
    if (a.x() < xlo) cut(a, b, xlo);
    if (a.x() > xhi) cut(a, b, xhi);
    if (b.x() < xlo) cut(b, a, xlo);
    if (b.x() > xhi) cut(b, a, xhi);
    return true;
}

} // namespace

void paintArrows(Frame& f) {
    if (!f.layout.arrows || f.layout.lanes.empty()) return;
    QPainter& p = f.p;
    const auto& lanes = f.layout.lanes;
    const auto& laneOf = f.layout.laneOfProcess;
    const auto& mapping = f.layout.mapping;
    const double g = f.style.px(11);
    const double head = f.style.px(7);
    const double xlo = f.plotLeft - 50, xhi = f.plotRight + 50;
    const double bucket = 3.0;           // px: arrows closer than this at both ends draw as one
    constexpr std::ptrdiff_t kDense = 8; // more arrows leaving one bucket: draw the fan's edges
    const auto cols = static_cast<std::size_t>(std::ceil(f.layout.width / bucket)) + 1;
    std::vector<bool> arrives(lanes.size() * cols);
    // One head per lane and 16 px: in a denser fan heads merge into a blob and only cost.
    const double headBucket = 16.0;
    const auto headCols = static_cast<std::size_t>(std::ceil(f.layout.width / headBucket)) + 1;
    std::vector<bool> headed(lanes.size() * headCols);
    auto wantHead = [&](int lane, double x) {
        const auto c = static_cast<std::size_t>(
            std::clamp(x / headBucket, 0.0, static_cast<double>(headCols - 1)));
        const std::size_t k = static_cast<std::size_t>(lane) * headCols + c;
        if (headed[k]) return false;
        headed[k] = true;
        return true;
    };
    auto column = [&](double x) {
        return static_cast<std::size_t>(std::clamp(x / bucket, 0.0, static_cast<double>(cols - 1)));
    };

    std::array<QVector<QLineF>, 4> lines;
    std::array<QPainterPath, 4> curves; // an arrow within one lane arcs above it
    std::array<std::vector<QPolygonF>, 4> heads;
    auto add = [&](const ArrowIndex::Group& group, const ArrowIndex::Arrow& a, int la, int lb) {
        const double xa = f.x(a.fromTs), xb = f.x(a.toTs);
        const std::size_t kb = static_cast<std::size_t>(lb) * cols + column(xb);
        if (arrives[kb] && la != lb) return;
        arrives[kb] = true;
        const auto kind = static_cast<std::size_t>(group.kind);
        const auto& A = lanes[static_cast<std::size_t>(la)];
        const auto& B = lanes[static_cast<std::size_t>(lb)];
        // An exit leaves from the end of the bar; everything else from its glyph.
        QPointF from(xa, group.kind == Kind::Exit ? A.barCentre() : A.glyphY);
        QPointF to(xb, B.glyphY);
        if (la == lb) {
            if (xa < xlo || xb > xhi) return;
            const double lift = f.style.px(9);
            QPainterPath arc(from);
            arc.cubicTo(from + QPointF(0, -lift), to + QPointF(0, -lift), to + QPointF(0, -g / 2));
            curves[kind].addPath(arc);
            if (wantHead(lb, xb))
                heads[kind].push_back(
                    arrowHead(to + QPointF(0, -lift), to + QPointF(0, -g / 2), head));
            ++f.stats.arrows;
            return;
        }
        // Stop at the target glyph's edge so the head does not hide it.
        const QLineF full(from, to);
        if (full.length() > g) to = full.pointAt(1 - (g / 2 + 1) / full.length());
        QPointF s = from, e = to;
        if (!clipX(s, e, xlo, xhi)) return;
        lines[kind].append(QLineF(s, e));
        if (e == to && wantHead(lb, to.x())) heads[kind].push_back(arrowHead(from, to, head));
        ++f.stats.arrows;
    };

    for (const auto& group : f.layout.arrows->groups()) {
        if (static_cast<std::size_t>(group.fromProcess) >= laneOf.size() ||
            static_cast<std::size_t>(group.toProcess) >= laneOf.size())
            continue;
        const int la = laneOf[static_cast<std::size_t>(group.fromProcess)];
        const int lb = laneOf[static_cast<std::size_t>(group.toProcess)];
        if (la < 0 || lb < 0) continue;
        const auto& arrows = group.arrows;
        // Arrows reaching into the range from its left start at most maxSpan earlier.
        const std::int64_t first = f.tA - group.maxSpan;
        auto it =
            std::partition_point(arrows.begin(), arrows.end(),
                                 [&](const ArrowIndex::Arrow& a) { return a.fromTs < first; });
        const std::int64_t last = f.tB + group.maxBackSpan;
        while (it != arrows.end() && it->fromTs <= last) {
            // One source bucket at a time, jumped over by galloping.
            const double xa = f.x(it->fromTs);
            const std::int64_t bucketEnd = std::max(
                it->fromTs + 1, mapping.mapXToTime((std::floor(xa / bucket) + 1) * bucket));
            const auto end = trace::gallopFromFront(
                it, arrows.end(), [&](const ArrowIndex::Arrow& a) { return a.fromTs < bucketEnd; });
            auto visible = [&](const ArrowIndex::Arrow& a) {
                return std::max(a.fromTs, a.toTs) >= f.tA && std::min(a.fromTs, a.toTs) <= f.tB;
            };
            if (end - it > kDense) { // a fan: its first and last arrows show its extent
                if (visible(*it)) add(group, *it, la, lb);
                if (visible(*(end - 1))) add(group, *(end - 1), la, lb);
            } else {
                for (auto k = it; k != end; ++k)
                    if (visible(*k)) add(group, *k, la, lb);
            }
            it = end;
        }
    }

    const double width = std::max(1.0, f.style.px(1.4));
    for (std::size_t k = 0; k < 4; ++k) {
        if (lines[k].isEmpty() && curves[k].isEmpty()) continue;
        QPen pen = arrowPen(f.palette, static_cast<Kind>(k), width);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawLines(lines[k]);
        p.drawPath(curves[k]);
        p.setPen(Qt::NoPen);
        p.setBrush(pen.color());
        for (const QPolygonF& h : heads[k])
            p.drawPolygon(h);
    }
}

} // namespace mpviz::render::detail
