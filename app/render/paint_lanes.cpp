// Lane backgrounds, labels, state bars and end marks.
//
// Bars at level of detail: walking the visible slices of a lane, a slice at least one
// device pixel column wide is drawn as it is; inside a column that holds several slices
// the column gets one state (the one covering most of it, ties to blocked) and the walk
// jumps past the column with a binary search. Equal neighbours merge into one run, and
// runs are batched by state, so a lane costs O(columns · log slices) at worst (galloping: usually
// O(columns · log slices-per-column)).

#include "render/labels.hpp"
#include "render/paint_context.hpp"
#include "trace/gallop.hpp"

#include <QFontMetricsF>

#include <algorithm>
#include <array>
#include <cmath>

namespace mpviz::render::detail {

using trace::Slice;
using trace::State;

namespace {

constexpr std::size_t kStates = 5;
std::size_t idx(State s) {
    return static_cast<std::size_t>(s);
}

struct Run {
    State state;
    double x0, x1;
};

// A slice wide enough to carry its own text.
struct Labelled {
    const Slice* slice;
    double x0, x1;
};

// Collects runs of one lane, merging a run with the previous one when the state is the
// same and they touch.
class RunBuilder {
  public:
    void add(State s, double x0, double x1) {
        if (x1 <= x0) return;
        if (!runs_.empty() && runs_.back().state == s && x0 <= runs_.back().x1 + 0.01) {
            runs_.back().x1 = std::max(runs_.back().x1, x1);
            return;
        }
        runs_.push_back({s, x0, x1});
    }
    std::vector<Run>& runs() { return runs_; }

  private:
    std::vector<Run> runs_;
};

// The state covering most of the column [c0, c1) whose first slice is slices[i], and the
// index of the first slice that begins at or after c1. Few slices in the column: each is
// read (sequentially). Many: the column is narrower than they are, nobody can see the
// difference, so a few evenly spaced instants vote, found by galloping left to right;
// the cost per column stays bounded however many slices it holds.
std::pair<State, std::size_t> dominantState(const Frame& f, std::span<const Slice> slices,
                                            std::size_t i, std::int64_t c0, std::int64_t c1) {
    constexpr std::size_t kExactUpTo = 24;
    constexpr int kSamples = 8;
    std::array<std::int64_t, kStates> cover{};
    std::size_t j = i;
    if (i + kExactUpTo >= slices.size() || slices[i + kExactUpTo].begin >= c1) {
        for (; j < slices.size() && slices[j].begin < c1; ++j) {
            const std::int64_t b = std::max(slices[j].begin, c0);
            const std::int64_t e = std::min(f.sliceEnd(slices[j]), c1);
            if (e > b) cover[idx(slices[j].state)] += e - b;
        }
    } else {
        auto it = slices.begin() + static_cast<std::ptrdiff_t>(i);
        const auto first = it;
        for (int s = 0; s < kSamples; ++s) {
            const std::int64_t t = c0 + (c1 - c0) * (2 * s + 1) / (2 * kSamples);
            it = trace::gallopFromFront(it, slices.end(),
                                        [t](const Slice& sl) { return sl.begin <= t; });
            if (it == first) continue;
            const Slice& holder = *(it - 1);
            if (t < f.sliceEnd(holder)) cover[idx(holder.state)] += 1;
        }
        j = static_cast<std::size_t>(
            trace::gallopFromFront(it, slices.end(),
                                   [c1](const Slice& sl) { return sl.begin < c1; }) -
            slices.begin());
    }
    State best = State::NotStarted;
    std::int64_t bestCover = 0;
    for (State s : {State::Blocked, State::Sleeping, State::Running}) { // tie → blocked
        if (cover[idx(s)] > bestCover) {
            bestCover = cover[idx(s)];
            best = s;
        }
    }
    return {best, j};
}

void laneRuns(const Frame& f, int process, RunBuilder& out, std::vector<Labelled>& labelled) {
    const auto slices = f.trace.slicesIn(process, f.tA, f.tB);
    const double col = 1.0 / f.dpr;
    const auto n = slices.size();
    double claimed = -1e300; // x up to which columns were already decided
    std::size_t i = 0;
    while (i < n) {
        const Slice& s = slices[i];
        const std::int64_t end = f.sliceEnd(s);
        const double xb = f.x(std::max(s.begin, f.tA));
        const double xe = f.x(std::min(end, f.tB));
        if (end <= s.begin || xe <= claimed) {
            ++i;
            continue;
        }
        const double colB = std::floor(xb * f.dpr);
        if (std::floor(xe * f.dpr) > colB || xe - xb >= col) { // at least a column wide
            const double from = std::max(xb, claimed);
            out.add(s.state, from, xe);
            if (s.state == State::Blocked || s.state == State::Sleeping)
                labelled.push_back({&s, from, xe});
            claimed = xe;
            ++i;
            continue;
        }
        // Sub-pixel slice: decide its whole column at once, then jump past it.
        const double cx0 = std::max(colB * col, claimed);
        const double cx1 = (colB + 1) * col;
        const std::int64_t c0 = f.layout.mapping.mapXToTime(cx0);
        const std::int64_t c1 = std::max(c0 + 1, f.layout.mapping.mapXToTime(cx1));
        const auto [dominant, j] = dominantState(f, slices, i, c0, c1);
        if (dominant != State::NotStarted) out.add(dominant, cx0, cx1);
        claimed = cx1;
        // The last slice of the column may reach on past it: look at it again.
        i = (j - 1 > i && f.sliceEnd(slices[j - 1]) > c1) ? j - 1 : j;
    }
}

} // namespace

void paintLaneBackgrounds(Frame& f) {
    QPainter& p = f.p;
    const auto& L = f.layout;
    const Style& st = f.style;
    // Alternate shading, separators, grid lines at the ticks.
    QVector<QRectF> shades;
    QVector<QLineF> separators;
    for (std::size_t i = 0; i < L.lanes.size(); ++i) {
        const auto& lane = L.lanes[i];
        if (i % 2 == 1) shades.append(QRectF(0, lane.top, L.width, lane.height));
        separators.append(QLineF(0, lane.bottom() - 0.5, L.width, lane.bottom() - 0.5));
    }
    p.setPen(Qt::NoPen);
    p.setBrush(f.palette.laneShade);
    p.drawRects(shades);
    f.stats.rects += static_cast<std::size_t>(shades.size());
    if (L.lanes.empty()) return;

    const double top = L.lanes.front().top;
    const double bottom = L.lanes.back().bottom();
    QVector<QLineF> grid;
    for (const auto& tick : L.ticks)
        if (tick.x >= f.plotLeft && tick.x <= f.plotRight)
            grid.append(QLineF(tick.x, top, tick.x, bottom));
    p.setPen(QPen(f.palette.grid, 1));
    p.drawLines(grid);
    p.setPen(QPen(f.palette.laneSeparator, 1));
    p.drawLines(separators);
    p.drawLine(QLineF(f.plotLeft - 0.5, top, f.plotLeft - 0.5, bottom));
    f.stats.lines += static_cast<std::size_t>(grid.size() + separators.size()) + 1;

    // Labels: "name (pid)", children indented with a └ connector.
    const QFont font = st.font(FontRole::Label);
    const QFontMetricsF fm(font);
    p.setFont(font);
    const double margin = st.px(12);
    const double indent = st.px(14);
    QVector<QLineF> connectors;
    for (const auto& lane : L.lanes) {
        const double x = margin + lane.depth * indent;
        const double maxW = f.plotLeft - x - st.px(6);
        if (maxW <= 0) continue;
        // The pid goes first: the name is what tells the lanes apart ("ForkPoolWorker-3").
        const QString text = fm.horizontalAdvance(lane.label) <= maxW
                                 ? lane.label
                                 : fm.elidedText(lane.name, Qt::ElideMiddle, maxW);
        const double baseline = lane.barCentre() + (fm.ascent() - fm.descent()) / 2;
        p.setPen(f.palette.text);
        p.drawText(QPointF(x, baseline), text);
        ++f.stats.texts;
        if (lane.depth > 0) {
            const double cx = x - indent * 0.6;
            connectors.append(QLineF(cx, lane.top + st.px(2), cx, lane.barCentre()));
            connectors.append(QLineF(cx, lane.barCentre(), x - st.px(3), lane.barCentre()));
        }
    }
    p.setPen(QPen(f.palette.mutedText, 1));
    p.drawLines(connectors);
    f.stats.lines += static_cast<std::size_t>(connectors.size());
}

void paintBars(Frame& f) {
    QPainter& p = f.p;
    const Style& st = f.style;
    std::array<QVector<QRectF>, kStates> fills;
    QVector<QRectF> blocked;
    auto& texts = f.barTexts;
    std::vector<Labelled> labelled;
    RunBuilder builder;
    const QFont barFont = st.font(FontRole::Bar);
    const QFontMetricsF fm(barFont);
    // Asked once: the font engine looks it up in the font's tables on every call.
    const double charWidth = fm.averageCharWidth();
    const double pad = st.px(4);

    for (const auto& lane : f.layout.lanes) {
        builder.runs().clear();
        labelled.clear();
        laneRuns(f, lane.process, builder, labelled);
        for (const Run& r : builder.runs()) {
            const QRectF rect = stateRect(r.state, r.x0, r.x1, lane.barTop, lane.barHeight);
            fills[idx(r.state)].append(rect);
            if (r.state == State::Blocked) blocked.append(rect);
        }
        // Words inside the bars that are wide enough for them.
        for (const Labelled& l : labelled) {
            const double x0 = std::max(l.x0, f.plotLeft);
            const double x1 = std::min(l.x1, f.plotRight);
            const double room = x1 - x0 - 2 * pad;
            if (room < charWidth * 4) continue;
            // A shorter whole form ("sleep", "acquire") or nothing, never a cut word.
            const QString text = longestThatFits(
                sliceLabelForms(f.trace, lane.process, *l.slice, f.layout.clock), fm, room);
            if (text.isEmpty()) continue;
            const double tw = fm.horizontalAdvance(text);
            // The text sits on a plain patch of the bar's colour: hatching under it would
            // hurt reading, and a sleeping bar is thinner than a line of text.
            const double h = std::min(lane.barHeight - 2, fm.height() + 2);
            texts.push_back(
                {QRectF(x0 + pad - 2, lane.barCentre() - h / 2, tw + 4, h), text, l.slice->state});
        }
        // The end: a cap and "exited (0)" / "killed (SIGTERM)".
        const auto& info = f.trace.processes()[static_cast<std::size_t>(lane.process)];
        if (info.endTs && *info.endTs >= f.tA && *info.endTs <= f.tB) {
            const double x = f.x(*info.endTs);
            const bool bad = info.exitcode.value_or(0) != 0;
            p.setPen(QPen(bad ? f.palette.text : f.palette.mutedText, st.px(2.5), Qt::SolidLine,
                          Qt::FlatCap));
            p.drawLine(
                QLineF(x, lane.barTop - st.px(2), x, lane.barTop + lane.barHeight + st.px(2)));
            ++f.stats.lines;
            const QFont font = st.font(FontRole::Small);
            QFont bold = font;
            bold.setBold(bad);
            p.setFont(bold);
            const QFontMetricsF sfm(bold);
            // Before a deadlock's loop of arrows a mark takes a shorter form, or none.
            double room = 1e300;
            if (const auto& loop = f.deadlockLoop; loop && x < loop->box.left() &&
                                                   lane.barCentre() >= loop->box.top() &&
                                                   lane.barCentre() <= loop->box.bottom())
                room = loop->box.left() - x - st.px(8);
            const QString label = longestThatFits(exitLabelForms(info.exitcode), sfm, room);
            if (!label.isEmpty()) {
                p.drawText(
                    QPointF(x + st.px(4), lane.barCentre() + (sfm.ascent() - sfm.descent()) / 2),
                    label);
                ++f.stats.texts;
            }
        }
    }

    p.setPen(Qt::NoPen);
    // Bars are axis-aligned and their runs end on pixel columns: without antialiasing the
    // raster engine fills them on its fast path, and edges stay crisp.
    p.setRenderHint(QPainter::Antialiasing, false);
    for (State s : {State::Running, State::Sleeping, State::Blocked}) {
        auto& rects = fills[idx(s)];
        if (rects.isEmpty()) continue;
        p.setBrush(stateColor(f.palette, s));
        p.drawRects(rects);
        f.stats.rects += static_cast<std::size_t>(rects.size());
    }
    p.setRenderHint(QPainter::Antialiasing, true);
    drawHatching(f, blocked);
}

void paintBarTexts(Frame& f) {
    QPainter& p = f.p;
    p.setFont(f.style.font(FontRole::Bar));
    p.setPen(f.palette.barText);
    for (const BarText& t : f.barTexts) {
        p.fillRect(t.box, stateColor(f.palette, t.state));
        p.drawText(t.box, Qt::AlignCenter, t.text);
        ++f.stats.rects;
        ++f.stats.texts;
    }
}

} // namespace mpviz::render::detail
