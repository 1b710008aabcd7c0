#pragma once
// Internal to the painter: what every part of one paint shares, and the parts themselves.
// Not part of the public API (painter.hpp is).

#include "render/layout.hpp"
#include "render/painter.hpp"
#include "render/style.hpp"
#include "render/viewport.hpp"
#include "trace/trace.hpp"

#include <QPainter>

#include <cstdint>
#include <optional>
#include <vector>

namespace mpviz::render::detail {

// Words to write inside a bar, on a patch of the bar's colour.
struct BarText {
    QRectF box;
    QString text;
    trace::State state;
};

// Where a detected deadlock's loop of arrows goes: its axis (inside the stuck stretch, or
// after the end marks when the cycle closed too briefly to draw in) and the box it and its
// labels take. placeDeadlockLoop decides it once per paint; paintBars writes the end marks it
// would cover in a shorter form (or not at all), paintDeadlock draws it there.
struct DeadlockLoop {
    double axis = 0; // the arrows' tails and heads
    QRectF box;      // the arcs and the labels (each label on the lane of the process that waits)
};

struct Frame {
    Frame(QPainter& painter, const trace::TraceData& t, const TimelineLayout& l, const Viewport& v,
          const Style& s)
        : p(painter), trace(t), layout(l), viewport(v), style(s), palette(s.palette()) {}

    QPainter& p;
    const trace::TraceData& trace;
    const TimelineLayout& layout;
    const Viewport& viewport;
    const Style& style;
    Palette palette;
    PaintStats stats;
    double plotLeft = 0; // the lanes' data area is [plotLeft, plotRight)
    double plotRight = 0;
    std::int64_t tA = 0; // the times at plotLeft and plotRight
    std::int64_t tB = 0;
    std::int64_t liveEnd = 0;                 // where an open slice ends: "now", or the last event
    double dpr = 1;                           // device pixels per logical pixel
    std::vector<BarText> barTexts;            // found by paintBars, written by paintBarTexts
    std::optional<DeadlockLoop> deadlockLoop; // none: no deadlock, or its place is out of view

    std::int64_t sliceEnd(const trace::Slice& s) const {
        return s.end == trace::Slice::kOpen ? liveEnd : s.end;
    }
    double x(std::int64_t t) const { return layout.mapping.mapTimeToX(t); }
    // A lane's content y on screen (lanes are painted with the scroll already applied).
    double scroll() const { return viewport.scrollY; }
};

// Header: title, legend, axis labels and tick marks (painted last, over the lanes).
void paintHeader(Frame& f);
// Lane backgrounds, grid lines, labels in the gutter.
void paintLaneBackgrounds(Frame& f);
// State bars (level of detail) and end marks; collects the words for wide bars.
void paintBars(Frame& f);
// Held locks and permits: a band per hold under the bar, by level (layout's hold rows).
void paintHolds(Frame& f);
// A Value's lost updates: a ring on the erasing write, "lost update" beside it.
void paintLostUpdates(Frame& f);
// Counter tracks under the lanes: step charts of free permits, queue lengths, Values.
void paintCounters(Frame& f);
// The words inside wide bars, after the arrows so that no arrow crosses out a word.
void paintBarTexts(Frame& f);
// Operation glyphs (level of detail) and the activity strip where they are too dense.
void paintGlyphs(Frame& f);
// Arrows between lanes from trace.messages().
void paintArrows(Frame& f);
// Where the deadlock's loop goes (none without a deadlock or when its place is out of view).
std::optional<DeadlockLoop> placeDeadlockLoop(const Frame& f);
// The deadlock cycle: outlined blocked bars and the loop of arrows.
void paintDeadlock(Frame& f);
// "now" line, playhead, selected event.
void paintMarkers(Frame& f);
// Where the "now" line's tag goes on the axis, when there is one in view.
std::optional<QRectF> nowLabelRect(const Frame& f);
// Step mode: the ghosted chips of operations waiting for a grant.
void paintPending(Frame& f);

// A state bar's rectangle for one run of `state` between x0 and x1: running and blocked
// fill the bar, sleeping its middle half (a shape, not only a colour, tells them apart).
QRectF stateRect(trace::State state, double x0, double x1, double barTop, double barHeight);
// Diagonal hatching over each of `rects` (blocked bars and their legend sample).
void drawHatching(Frame& f, const QVector<QRectF>& rects);
// An arrow head at `tip` pointing along from → tip.
QPolygonF arrowHead(QPointF from, QPointF tip, double size);
// The pen of each kind of arrow: solid, dashed, dotted, dash-dot.
QPen arrowPen(const Palette& palette, trace::Message::Kind kind, double width);

} // namespace mpviz::render::detail
