// Counter tracks under the lanes: a Semaphore's free permits, a Queue's length, a Value's
// number over time (trace.hpp, counter()), each a step chart in a thin track of its own.
//
// Level of detail: the samples of one device pixel column are drawn as one vertical stroke
// from their least to their greatest value (found exactly for a few, by evenly spaced ones
// for many), and the walk gallops past the column, so a track costs O(columns · log samples).
// The chart's strokes are all horizontal or vertical: each is filled, without antialiasing,
// as the rectangle a square-capped pen would cover, which spares the raster engine's
// stroker and rasterizer (a thick antialiased line costs it many times a plain rectangle).

#include "render/paint_context.hpp"
#include "trace/gallop.hpp"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <optional>

namespace mpviz::render::detail {

using trace::CounterSample;

namespace {

// The rectangle a square-capped pen of `width` covers along a horizontal or vertical line.
QRectF strokeRect(double x0, double y0, double x1, double y1, double width) {
    const double half = width / 2;
    return QRectF(QPointF(std::min(x0, x1) - half, std::min(y0, y1) - half),
                  QPointF(std::max(x0, x1) + half, std::max(y0, y1) + half));
}

void chart(Frame& f, const CounterTrack& track, double width, QVector<QRectF>& strokes) {
    const auto samples = f.trace.counter(track.object);
    const double bottom = track.top + track.height - f.style.px(4);
    const double span = std::max<double>(1, static_cast<double>(track.high - track.low));
    const double usable = track.height - f.style.px(8);
    const auto y = [&](std::int64_t v) {
        return bottom - static_cast<double>(v - track.low) / span * usable;
    };
    auto it = std::partition_point(samples.begin(), samples.end(),
                                   [&](const CounterSample& s) { return s.ts < f.tA; });
    const auto end = std::partition_point(it, samples.end(),
                                          [&](const CounterSample& s) { return s.ts < f.tB; });
    // Where the line comes from: the value before the view, or the first sample.
    double x = f.plotLeft;
    std::optional<std::int64_t> value;
    if (it != samples.begin()) value = (it - 1)->value;
    const double col = 1.0 / f.dpr;
    constexpr std::ptrdiff_t kExactUpTo = 64;
    while (it != end) {
        const double sx = f.x(it->ts);
        const double column = std::floor(sx * f.dpr) * col;
        // At least past this sample, whatever the rounding of a time to a pixel.
        const std::int64_t columnEnd =
            std::max(f.layout.mapping.mapXToTime(column + col), it->ts + 1);
        const auto next = trace::gallopFromFront(
            it, end, [columnEnd](const CounterSample& s) { return s.ts < columnEnd; });
        std::int64_t low = it->value, high = it->value;
        const std::ptrdiff_t n = next - it;
        const std::ptrdiff_t stride = n <= kExactUpTo ? 1 : n / kExactUpTo;
        for (auto k = it; k < next; k += stride) {
            low = std::min(low, k->value);
            high = std::max(high, k->value);
        }
        const std::int64_t last = (next - 1)->value;
        if (value) {
            strokes.append(strokeRect(x, y(*value), sx, y(*value), width)); // held until here
            low = std::min(low, *value);
            high = std::max(high, *value);
        }
        if (high != low) strokes.append(strokeRect(sx, y(low), sx, y(high), width));
        x = sx;
        value = last;
        it = next;
    }
    if (value) {
        const double xEnd = std::min(f.plotRight, f.x(std::min(f.liveEnd, f.tB)));
        if (xEnd > x) strokes.append(strokeRect(x, y(*value), xEnd, y(*value), width));
    }
}

} // namespace

void paintCounters(Frame& f) {
    const auto& tracks = f.layout.counters;
    if (tracks.empty()) return;
    QPainter& p = f.p;
    const Style& st = f.style;
    p.save();
    const QFont font = st.font(FontRole::Small);
    const QFontMetricsF fm(font);
    p.setFont(font);
    QVector<QLineF> frames;
    for (const CounterTrack& track : tracks) {
        // The track's name and its range in the gutter, a base line across the plot.
        const double margin = st.px(12);
        const double room = f.plotLeft - margin - st.px(6);
        p.setPen(f.palette.text);
        p.drawText(QRectF(margin, track.top, room, track.height / 2),
                   Qt::AlignLeft | Qt::AlignBottom,
                   fm.elidedText(track.label, Qt::ElideRight, room));
        p.setPen(f.palette.mutedText);
        p.drawText(QRectF(margin, track.top + track.height / 2, room, track.height / 2),
                   Qt::AlignLeft | Qt::AlignTop, fm.elidedText(track.range, Qt::ElideRight, room));
        f.stats.texts += 2;
        frames.append(QLineF(f.plotLeft, track.top + track.height - st.px(4), f.plotRight,
                             track.top + track.height - st.px(4)));
    }
    p.setPen(QPen(f.palette.laneSeparator, 1));
    p.drawLines(frames);
    f.stats.lines += static_cast<std::size_t>(frames.size());

    p.setClipRect(QRectF(f.plotLeft, tracks.front().top, f.plotRight - f.plotLeft,
                         tracks.back().top + tracks.back().height - tracks.front().top),
                  Qt::IntersectClip);
    p.setPen(Qt::NoPen);
    // Axis-aligned, as the bars: no antialiasing, a whole number of device pixels thick.
    p.setRenderHint(QPainter::Antialiasing, false);
    const double width = std::max(1.0, std::round(st.px(1.8) * f.dpr)) / f.dpr;
    QVector<QRectF> strokes;
    for (const CounterTrack& track : tracks) {
        strokes.clear();
        chart(f, track, width, strokes);
        p.setBrush(holdColor(f.palette, track.object));
        p.drawRects(strokes);
        f.stats.lines += static_cast<std::size_t>(strokes.size());
    }
    p.restore();
}

} // namespace mpviz::render::detail
