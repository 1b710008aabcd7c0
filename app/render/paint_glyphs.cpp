// Operation glyphs at level of detail. From the first visible event, a bucket is as wide
// as a glyph plus a gap; a binary search finds its end. A few events in the bucket: the
// glyph of the one that matters most, with a dot when others hide under it. Many: a grey
// activity strip (zoom in to tell them apart). The walk visits one bucket per glyph
// width, however many events the bucket holds (Tracy's folding).

#include "render/glyphs.hpp"
#include "render/paint_context.hpp"
#include "trace/gallop.hpp"

#include <algorithm>

namespace mpviz::render::detail {

namespace {

constexpr std::ptrdiff_t kLookAt = 6; // buckets with more events than this count as dense

// Which glyph speaks for a small bucket: what the lesson is about before a print.
int priority(trace::Op op) {
    switch (op) {
    case trace::Op::Print:
        return 0;
    case trace::Op::TaskDone: // bookkeeping next to the get it follows
        return 1;
    case trace::Op::Start:
    case trace::Op::Join:
    case trace::Op::Terminate:
        return 2;
    default:
        return 3;
    }
}

} // namespace

void paintGlyphs(Frame& f) {
    QPainter& p = f.p;
    const double g = f.style.px(11);
    const double gap = g + f.style.px(3);
    const auto events = f.trace.events();
    const auto& mapping = f.layout.mapping;
    QVector<QRectF> strips;
    QVector<QRectF> badges;
    for (const auto& lane : f.layout.lanes) {
        const auto own = f.trace.eventsIn(lane.process, mapping.mapXToTime(f.plotLeft - g),
                                          mapping.mapXToTime(f.plotRight + g));
        double stripEnd = -1e300;
        auto it = own.begin();
        while (it != own.end()) {
            const double x = f.x(events[*it].ts);
            const std::int64_t next = mapping.mapXToTime(x + gap);
            const auto end = trace::gallopFromFront(
                it, own.end(), [&](std::uint32_t e) { return events[e].ts < next; });
            int glyphs = 0;
            std::uint32_t chosen = 0;
            if (end - it <= kLookAt) {
                for (auto k = it; k != end; ++k) {
                    if (!hasGlyph(events[*k])) continue;
                    if (glyphs++ == 0 || priority(events[*k].op) > priority(events[chosen].op))
                        chosen = *k;
                }
            }
            if (glyphs >= 1) {
                const auto& e = events[chosen];
                const QPointF c(f.x(e.ts), lane.glyphY);
                drawGlyph(p, e.op, c, g, f.palette, e.phase == trace::Phase::Failed);
                ++f.stats.glyphs;
                if (glyphs > 1) { // more under it: a dot says "zoom in"
                    badges.append(QRectF(c.x() + g * 0.55, c.y() - g * 0.75, g * 0.4, g * 0.4));
                }
            } else if (end - it > kLookAt) {
                const double x0 = x - g / 2, x1 = x + gap - g / 2;
                if (!strips.isEmpty() && x0 <= stripEnd + 0.5) // stripEnd is per lane
                    strips.back().setRight(x1);
                else
                    strips.append(QRectF(x0, lane.glyphY - g * 0.3, x1 - x0, g * 0.6));
                stripEnd = x1;
            }
            it = end;
        }
    }
    if (!strips.isEmpty()) {
        p.setPen(Qt::NoPen);
        p.setBrush(f.palette.mutedText);
        p.drawRects(strips);
        f.stats.rects += static_cast<std::size_t>(strips.size());
    }
    p.setPen(Qt::NoPen);
    p.setBrush(f.palette.mutedText);
    for (const QRectF& b : badges)
        p.drawEllipse(b);
    f.stats.glyphs += static_cast<std::size_t>(badges.size());
}

} // namespace mpviz::render::detail
