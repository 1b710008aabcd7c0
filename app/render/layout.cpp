// Timeline geometry: header (title, legend, axis), label gutter, lanes.

#include "render/layout.hpp"

#include "render/labels.hpp"
#include "trace/process_order.hpp"
#include "trace/shared_number.hpp"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <functional>

namespace mpviz::render {

using trace::ObjectKind;
using trace::Op;

namespace {

// Operations a legend should explain, from the kinds of objects the scenario made:
// O(objects), not O(events), and stable while the run goes on.
std::vector<Op> legendOps(const trace::TraceData& trace) {
    bool has[static_cast<int>(ObjectKind::Count)] = {};
    for (const auto& o : trace.objects())
        has[static_cast<int>(o.kind)] = true;
    auto on = [&](ObjectKind k) { return has[static_cast<int>(k)]; };
    std::vector<Op> ops;
    if (on(ObjectKind::Lock) || on(ObjectKind::Semaphore))
        ops.insert(ops.end(), {Op::Acquire, Op::Release});
    if (on(ObjectKind::Queue) || on(ObjectKind::JoinableQueue))
        ops.insert(ops.end(), {Op::Put, Op::Get});
    if (on(ObjectKind::JoinableQueue)) ops.insert(ops.end(), {Op::TaskDone, Op::QueueJoin});
    if (on(ObjectKind::Pipe)) ops.insert(ops.end(), {Op::Send, Op::Recv});
    if (on(ObjectKind::Event)) ops.insert(ops.end(), {Op::Set, Op::Clear, Op::Wait});
    if (on(ObjectKind::Pool)) ops.insert(ops.end(), {Op::Submit, Op::TaskStart, Op::TaskEnd});
    if (on(ObjectKind::Value) || on(ObjectKind::Array))
        ops.insert(ops.end(), {Op::Read, Op::Write});
    ops.insert(ops.end(), {Op::Start, Op::Join, Op::Terminate, Op::Print});
    return ops;
}

// Rows of held-lock bands under each lane: one as soon as the run has a lock or a
// semaphore (so that lanes keep their height when the first acquire comes), more for
// nested holds, up to a few (deeper ones share the last row).
int holdRowsOf(const trace::TraceData& trace) {
    constexpr int kMostRows = 4;
    const auto objects = trace.objects();
    if (std::none_of(objects.begin(), objects.end(), [](const trace::ObjectInfo& o) {
            return o.kind == ObjectKind::Lock || o.kind == ObjectKind::Semaphore;
        }))
        return 0;
    int rows = 1;
    for (int p = 0; p < static_cast<int>(trace.processes().size()); ++p)
        rows = std::max(rows, trace.holdLevels(p));
    return std::min(rows, kMostRows);
}

// The objects whose number is charted under the lanes, and what their track says. A Pool's
// own queues ("pool.tasks") belong to the pool, not to the lesson.
std::vector<CounterTrack> counterTracks(const trace::TraceData& trace) {
    std::vector<CounterTrack> tracks;
    const auto objects = trace.objects();
    for (std::size_t o = 0; o < objects.size(); ++o) {
        const auto& info = objects[o];
        const auto object = static_cast<std::uint16_t>(o);
        const bool ofPool = std::any_of(objects.begin(), objects.end(), [&](const auto& pool) {
            return pool.kind == ObjectKind::Pool && info.name.rfind(pool.name + ".", 0) == 0;
        });
        if (info.kind == ObjectKind::Value && trace::isFloatType(info.valueType))
            continue; // a float's bits are no number to scale a chart by
        const auto samples = trace.counter(object);
        CounterTrack track;
        track.object = object;
        const QString name = toQString(info.name);
        switch (info.kind) {
        case ObjectKind::Semaphore:
            track.label = QCoreApplication::translate("render", "%1: permits free").arg(name);
            track.high = info.capacity;
            break;
        case ObjectKind::Queue:
        case ObjectKind::JoinableQueue:
            if (ofPool) continue;
            track.label = QCoreApplication::translate("render", "%1: items").arg(name);
            track.high = info.capacity;
            break;
        case ObjectKind::Value:
            track.label = name;
            break;
        default:
            continue;
        }
        track.low = 0;
        for (const auto& s : samples) {
            track.low = std::min(track.low, s.value);
            track.high = std::max(track.high, s.value);
        }
        if (track.high <= track.low) track.high = track.low + 1;
        track.range = QStringLiteral("%1 \u2013 %2").arg(track.low).arg(track.high);
        tracks.push_back(std::move(track));
    }
    return tracks;
}

std::vector<LegendEntry> legendEntries(const trace::TraceData& trace, const Style& style) {
    using Kind = LegendEntry::Kind;
    std::vector<LegendEntry> out;
    auto add = [&](LegendEntry e) { out.push_back(std::move(e)); };
    for (auto s : {trace::State::Running, trace::State::Sleeping, trace::State::Blocked}) {
        LegendEntry e;
        e.kind = Kind::State;
        e.state = s;
        e.text = stateText(s);
        add(e);
    }
    LegendEntry exit;
    exit.kind = Kind::Exit;
    exit.text = QCoreApplication::translate("render", "ended");
    add(exit);
    // The held band, in the colour of the first lock and of the first semaphore.
    for (const auto kind : {ObjectKind::Lock, ObjectKind::Semaphore}) {
        if (!style.showHolds) break;
        const auto objects = trace.objects();
        const auto first = std::find_if(objects.begin(), objects.end(),
                                        [kind](const auto& o) { return o.kind == kind; });
        if (first == objects.end()) continue;
        LegendEntry e;
        e.kind = Kind::Hold;
        e.object = static_cast<std::uint16_t>(first - objects.begin());
        e.text = kind == ObjectKind::Lock ? QCoreApplication::translate("render", "holds the lock")
                                          : QCoreApplication::translate("render", "holds a permit");
        add(e);
    }
    for (Op op : legendOps(trace)) {
        LegendEntry e;
        e.kind = Kind::Op;
        e.op = op;
        const auto name = trace::opName(op);
        e.text = toQString(name);
        add(e);
    }
    if (style.showArrows) {
        bool channel = false, event = false;
        for (const auto& o : trace.objects()) {
            channel |= o.kind == ObjectKind::Queue || o.kind == ObjectKind::JoinableQueue ||
                       o.kind == ObjectKind::Pipe;
            event |= o.kind == ObjectKind::Event;
        }
        auto arrow = [&](trace::Message::Kind k, const QString& text) {
            LegendEntry e;
            e.kind = Kind::Arrow;
            e.arrow = k;
            e.text = text;
            add(e);
        };
        if (channel)
            arrow(trace::Message::Kind::Item, QCoreApplication::translate("render", "item"));
        if (event)
            arrow(trace::Message::Kind::Wake, QCoreApplication::translate("render", "wakes"));
        arrow(trace::Message::Kind::Start, QCoreApplication::translate("render", "starts"));
        arrow(trace::Message::Kind::Exit, QCoreApplication::translate("render", "exit → join"));
    }
    const auto objects = trace.objects();
    for (std::size_t o = 0; o < objects.size(); ++o) {
        if (trace.lostUpdates(static_cast<std::uint16_t>(o)).empty()) continue;
        LegendEntry e;
        e.kind = Kind::LostUpdate;
        e.text = QCoreApplication::translate("render", "lost update");
        add(e);
        break;
    }
    if (trace.deadlock()) {
        LegendEntry e;
        e.kind = Kind::Deadlock;
        e.text = QCoreApplication::translate("render", "deadlock cycle");
        add(e);
    }
    return out;
}

} // namespace

int TimelineLayout::laneAt(double y, double scrollY) const {
    if (y < headerHeight) return -1;
    const double contentY = y + scrollY;
    auto it = std::upper_bound(lanes.begin(), lanes.end(), contentY,
                               [](double v, const LaneGeometry& l) { return v < l.top; });
    if (it == lanes.begin()) return -1;
    --it;
    if (contentY >= it->bottom()) return -1;
    return static_cast<int>(it - lanes.begin());
}

const LaneGeometry* TimelineLayout::laneForProcess(int process) const {
    if (process < 0 || static_cast<std::size_t>(process) >= laneOfProcess.size()) return nullptr;
    const int lane = laneOfProcess[static_cast<std::size_t>(process)];
    return lane < 0 ? nullptr : &lanes[static_cast<std::size_t>(lane)];
}

TimelineLayout computeLayout(const trace::TraceData& trace, const Viewport& viewport,
                             const Style& style, std::shared_ptr<const ArrowIndex> arrows) {
    TimelineLayout L;
    if (style.showArrows)
        L.arrows = arrows ? std::move(arrows)
                          : std::make_shared<const ArrowIndex>(ArrowIndex::build(trace));
    L.width = viewport.size.width();
    L.clock = ScenarioClock::of(trace);
    const double margin = style.px(12);
    const QFontMetricsF titleFm(style.font(FontRole::Title));
    const QFontMetricsF labelFm(style.font(FontRole::Label));
    const QFontMetricsF smallFm(style.font(FontRole::Small));

    double y = margin * 0.75;
    if (style.showTitle) {
        L.title = viewport.title.isEmpty() ? defaultTitle(trace) : viewport.title;
        L.titleRect = QRectF(margin, y, std::max(0.0, L.width - 2 * margin), titleFm.height());
        y += titleFm.height() + style.px(6);
    }

    const double legendTop = y;
    if (style.showLegend) {
        L.legend = legendEntries(trace, style);
        const double rowHeight = std::max(smallFm.height(), style.px(16));
        const double gap = style.px(5);
        const double spacing = style.px(16);
        double x = margin;
        double rowTop = y;
        for (auto& e : L.legend) {
            double sampleW = style.px(12);
            if (e.kind == LegendEntry::Kind::State || e.kind == LegendEntry::Kind::Deadlock ||
                e.kind == LegendEntry::Kind::Hold)
                sampleW = style.px(24);
            if (e.kind == LegendEntry::Kind::Arrow) sampleW = style.px(30);
            const double textW = smallFm.horizontalAdvance(e.text);
            const double entryW = sampleW + gap + textW;
            if (x > margin && x + entryW > L.width - margin) { // wrap
                x = margin;
                rowTop += rowHeight;
            }
            const double sampleH = style.px(12);
            e.sample = QRectF(x, rowTop + (rowHeight - sampleH) / 2, sampleW, sampleH);
            e.textRect = QRectF(x + sampleW + gap, rowTop, textW + 1, rowHeight);
            x += entryW + spacing;
        }
        if (!L.legend.empty()) y = rowTop + rowHeight + style.px(6);
    }

    // Lanes first: the gutter width comes from their labels.
    const double indent = style.px(14);
    double gutter = 0;
    for (const auto [p, depth] : trace::creationOrder(trace)) {
        LaneGeometry lane;
        lane.process = p;
        lane.depth = depth;
        lane.label = laneLabel(trace.processes()[static_cast<std::size_t>(p)]);
        lane.name = QString::fromStdString(trace.processes()[static_cast<std::size_t>(p)].name);
        gutter = std::max(gutter, depth * indent + labelFm.horizontalAdvance(lane.label));
        L.lanes.push_back(std::move(lane));
    }
    L.gutterWidth = std::min(margin + gutter + style.px(12), std::max(margin, L.width * 0.4));

    // Room right of the plot for the exit mark of a process that ends at the very end.
    double rightPad = smallFm.horizontalAdvance(exitLabel(-SIGTERM)) + style.px(14);
    if (trace.deadlock()) {
        // And for the deadlock's loop and its labels when they go after the end (see
        // paintDeadlock).
        QFont bold = style.font(FontRole::Small);
        bold.setBold(true);
        const QFontMetricsF boldFm(bold);
        double widest = 0;
        for (const auto& edge : trace.deadlock()->edges)
            widest = std::max(widest, boldFm.horizontalAdvance(deadlockEdgeLabel(trace, edge)));
        // Capped, so that a narrow window or export keeps most of its width for the lanes.
        rightPad += std::min(2 * style.px(30) + widest + style.px(20), L.width * 0.25);
    }
    const double plotWidth = std::max(1.0, L.width - L.gutterWidth - rightPad);
    L.mapping = TimeMapping(viewport.t0, viewport.t1, L.gutterWidth, plotWidth);

    L.axisRect = QRectF(L.gutterWidth, y, plotWidth, smallFm.height() + style.px(6));
    const double labelW = smallFm.horizontalAdvance(QStringLiteral("00.000 s")) + style.px(16);
    L.ticks = axisTicks(L.mapping, L.clock, labelW);
    y += L.axisRect.height();
    L.headerHeight = y;

    // A few processes share the timeline's height, up to lanes a room can read from the back
    // (and the bars grow with them); many get the smallest lane and a scrollbar. Whole
    // pixels: an export sized to the content finds the same lanes again.
    if (style.showHolds) L.holdRows = holdRowsOf(trace);
    if (style.showCounters) L.counters = counterTracks(trace);
    const double trackHeight = style.px(34);
    const double tracks = static_cast<double>(L.counters.size()) * trackHeight;
    const double holdRow = style.px(14);
    const double holdRows = L.holdRows * holdRow;
    const double smallest = style.px(style.smallestLane) + holdRows;
    const double needed = static_cast<double>(L.lanes.size()) * smallest + tracks + margin;
    if (style.legendOnlyIfRoom && !L.legend.empty() &&
        L.headerHeight + needed > viewport.size.height()) {
        const double legendHeight = L.axisRect.top() - legendTop;
        L.legend.clear();
        L.axisRect.translate(0, -legendHeight);
        L.headerHeight -= legendHeight;
    }
    double laneHeight = smallest;
    if (!L.lanes.empty()) {
        const double room = viewport.size.height() - L.headerHeight - tracks - margin;
        laneHeight =
            std::clamp(std::floor(room / static_cast<double>(L.lanes.size())), smallest,
                       style.px(std::max(style.largestLane, style.smallestLane)) + holdRows);
    }
    const double extra = laneHeight - smallest;
    L.laneOfProcess.assign(trace.processes().size(), -1);
    double top = L.headerHeight;
    for (std::size_t i = 0; i < L.lanes.size(); ++i) {
        auto& lane = L.lanes[i];
        lane.top = top;
        lane.height = laneHeight;
        lane.glyphY = top + style.px(10) + extra * 0.25;
        lane.barTop = top + style.px(18) + extra * 0.25;
        lane.barHeight = style.px(17) + extra * 0.5;
        lane.holdTop = lane.barTop + lane.barHeight + style.px(2);
        lane.holdRow = holdRow;
        lane.holdBand = holdRow - style.px(2);
        L.laneOfProcess[static_cast<std::size_t>(lane.process)] = static_cast<int>(i);
        top += laneHeight;
    }
    for (auto& track : L.counters) {
        track.top = top;
        track.height = trackHeight;
        top += trackHeight;
    }
    L.contentHeight = top + margin;
    L.leastContentHeight = L.headerHeight + needed;
    return L;
}

const TimelineLayout& LayoutCache::get(const trace::TraceData& trace, const Viewport& viewport,
                                       const Style& style) {
    Key key{viewport.t0,
            viewport.t1,
            viewport.size.width(),
            viewport.size.height(),
            viewport.title,
            style.theme,
            style.fontScale,
            style.showTitle,
            style.showLegend,
            style.showArrows,
            style.showHolds,
            style.showCounters,
            style.smallestLane,
            style.largestLane,
            style.legendOnlyIfRoom,
            trace.processes().size(),
            trace.objects().size(),
            trace.events().size(),
            trace.outcome(),
            trace.deadlock().has_value(),
            &trace};
    if (!valid_ || !(key == key_)) {
        // The arrow index outlives zooming and resizing: it depends on the events only.
        if (arrowsOf_ != &trace || !arrows_ || arrows_->builtAtEvents() != trace.events().size())
            arrows_.reset();
        layout_ = computeLayout(trace, viewport, style, style.showArrows ? arrows_ : nullptr);
        if (layout_.arrows) {
            arrows_ = layout_.arrows;
            arrowsOf_ = &trace;
        }
        key_ = std::move(key);
        valid_ = true;
    }
    return layout_;
}

} // namespace mpviz::render
