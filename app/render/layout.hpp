#pragma once
// Geometry of the timeline, computed apart from painting (Qt Creator's tracing does the
// same): where the title, legend, axis and each process lane go, and the time mapping of
// the plot. Hover, selection and repaints reuse it; LayoutCache recomputes it only when
// the range, the width, the style or the set of processes changed.
//
//   ┌ title ───────────────────────────────────────────────┐  ┐
//   │ legend: ▇ running ▂ sleeping ▨ blocked  ■ acquire …   │  │ header (fixed when
//   │            0 s        0.5 s        1 s        1.5 s   │  │ lanes scroll)
//   ├──────────────┬────────────────────────────────────────┤  ┘
//   │ MainProcess  │ ● ▲          glyph row                  │  lane 0
//   │ (1234)       │ ███████▨▨▨▨▨▨▨▨▨  bar row                │
//   │   Process-1  │   …                                     │  lane 1 (child: indented)
//   │ sem: permits │ ▁▁▁▔▔▔▁▁   counter tracks (step charts)  │
//   └──────────────┴────────────────────────────────────────┘
//     gutter          plot (TimeMapping maps time onto it)

#include "render/arrow_index.hpp"
#include "render/style.hpp"
#include "render/time_axis.hpp"
#include "render/time_mapping.hpp"
#include "render/viewport.hpp"
#include "trace/trace.hpp"

#include <QRectF>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace mpviz::render {

// One process's lane. y values are widget coordinates with no scrolling; subtract
// Viewport::scrollY to get where the lane is on screen.
struct LaneGeometry {
    int process = -1; // index into trace.processes()
    int depth = 0;    // 0 for a root, +1 per ancestor (the label is indented by it)
    QString label;    // "name (pid)"
    QString name;     // the process's name alone: shown when the label does not fit
    double top = 0;
    double height = 0;
    double glyphY = 0; // centre line of the operation glyphs
    double barTop = 0; // the state bar spans [barTop, barTop + barHeight)
    double barHeight = 0;
    // Held locks and permits: level k's band spans [holdTop + k·holdRow, … + holdBand).
    double holdTop = 0;
    double holdRow = 0;
    double holdBand = 0;
    double bottom() const { return top + height; }
    double barCentre() const { return barTop + barHeight / 2; }
};

// A thin track under the lanes charting one object's number over time: a Semaphore's free
// permits, a Queue's length, a Value. y values as for lanes (unscrolled).
struct CounterTrack {
    std::uint16_t object = trace::kNoObject;
    QString label; // "sem: permits free"
    QString range; // "0 – 2"
    double top = 0;
    double height = 0;
    std::int64_t low = 0, high = 1; // the values at the chart's bottom and top
};

// One legend entry: a sample (state bar, glyph, mark or arrow) and its text.
struct LegendEntry {
    enum class Kind : std::uint8_t { State, Op, Exit, Arrow, Deadlock, Hold, LostUpdate };
    Kind kind = Kind::State;
    trace::State state = trace::State::Running;              // Kind::State
    trace::Op op = trace::Op::Print;                         // Kind::Op
    trace::Message::Kind arrow = trace::Message::Kind::Item; // Kind::Arrow
    std::uint16_t object = trace::kNoObject;                 // Kind::Hold: whose colour
    QString text;
    QRectF sample; // where the sample is drawn
    QRectF textRect;
};

struct TimelineLayout {
    double width = 0;
    QString title;
    QRectF titleRect;                // empty when Style::showTitle is off
    std::vector<LegendEntry> legend; // empty when Style::showLegend is off
    QRectF axisRect;                 // tick labels; ticks run down through the lanes
    std::vector<AxisTick> ticks;
    double headerHeight = 0; // lanes start below this (before scrolling)
    double gutterWidth = 0;  // lane labels; the plot starts at x = gutterWidth
    TimeMapping mapping;     // onto the plot area
    ScenarioClock clock;
    std::vector<LaneGeometry> lanes;    // display order: by creation, children under parents
    std::vector<int> laneOfProcess;     // process index → lane index
    std::vector<CounterTrack> counters; // below the last lane
    int holdRows = 0; // rows of held-lock bands under every lane's bar (0: no lock or semaphore)
    double contentHeight = 0; // header + every lane + bottom margin (export height)
    // contentHeight with every lane at its smallest: what the view must have to show every
    // lane; it changes when a lane, a row of held bands or a track comes, not with the view.
    double leastContentHeight = 0;
    // The arrows by process pair and time (null when Style::showArrows is off). Shared:
    // LayoutCache hands the same index to every layout until the trace grows.
    std::shared_ptr<const ArrowIndex> arrows;

    // The lane at widget y (after scrolling by `scrollY`), or -1 (header, below the lanes).
    int laneAt(double y, double scrollY = 0) const;
    const LaneGeometry* laneForProcess(int process) const;
};

// Lays out `trace` for `viewport` (its t0, t1, width and title; the height is not used:
// lanes are as tall as the style says, and the view scrolls or the export grows).
// `arrows` is reused when given and built from the trace otherwise.
TimelineLayout computeLayout(const trace::TraceData& trace, const Viewport& viewport,
                             const Style& style,
                             std::shared_ptr<const ArrowIndex> arrows = nullptr);

// Keeps the last layout and returns it while (t0, t1, width, title, style, the trace's
// processes, objects, outcome and deadlock) are unchanged, and keeps the arrow index until
// the trace has new events. Not thread-safe: one per view.
class LayoutCache {
  public:
    const TimelineLayout& get(const trace::TraceData& trace, const Viewport& viewport,
                              const Style& style);
    void invalidate() { valid_ = false; }
    // Forgets the arrow index too: for a trace rebuilt in place at the same address.
    void clear() {
        valid_ = false;
        arrows_.reset();
        arrowsOf_ = nullptr;
    }

  private:
    struct Key {
        std::int64_t t0 = 0, t1 = 0;
        double width = 0, height = 0;
        QString title;
        Theme theme = Theme::Light;
        double fontScale = 0;
        bool showTitle = false, showLegend = false, showArrows = false;
        bool showHolds = false, showCounters = false;
        double smallestLane = 0;
        double largestLane = 0;
        bool legendOnlyIfRoom = false;
        std::size_t processes = 0, objects = 0, events = 0;
        trace::Outcome outcome = trace::Outcome::Running; // the default title names it
        bool deadlock = false;                            // the legend explains it
        const trace::TraceData* trace = nullptr;
        bool operator==(const Key&) const = default;
    };
    Key key_;
    TimelineLayout layout_;
    std::shared_ptr<const ArrowIndex> arrows_;
    const trace::TraceData* arrowsOf_ = nullptr;
    bool valid_ = false;
};

} // namespace mpviz::render
