// Hit tests and tooltip text.

#include "render/hit_test.hpp"

#include "render/glyphs.hpp"
#include "render/labels.hpp"
#include "render/time_axis.hpp"
#include "trace/shared_number.hpp"

#include <algorithm>
#include <cmath>

namespace mpviz::render {

using trace::ObjectKind;
using trace::Op;
using trace::Phase;

namespace {

QString at(const ScenarioClock& clock, std::int64_t ts) {
    return formatInstant(clock, ts);
}

QString processName(const trace::TraceData& trace, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= trace.processes().size()) return {};
    return laneLabel(trace.processes()[static_cast<std::size_t>(index)]);
}

// "Process-1 (1234)" for a child named by pid in a start/join/terminate event.
QString childByPid(const trace::TraceData& trace, const trace::Event& e) {
    const int index = trace.processIndexByPid(static_cast<int>(e.value));
    if (index >= 0) return processName(trace, index);
    const QString name = QString::fromUtf8(trace.text(e.text).data(),
                                           static_cast<qsizetype>(trace.text(e.text).size()));
    return (name.isEmpty() ? QStringLiteral("pid") : name) + QStringLiteral(" (") +
           QString::number(e.value) + QLatin1Char(')');
}

QString exitcodeText(std::int64_t code) {
    if (code < 0) return QStringLiteral("killed by ") + signalName(static_cast<int>(-code));
    return QStringLiteral("exitcode ") + QString::number(code);
}

} // namespace

int laneAt(const TimelineLayout& layout, const Viewport& viewport, double y) {
    return layout.laneAt(y, viewport.scrollY);
}

std::optional<std::uint32_t> eventAt(const trace::TraceData& trace, const TimelineLayout& layout,
                                     const Viewport& viewport, QPointF pos, double tolerance) {
    const int lane = laneAt(layout, viewport, pos.y());
    if (lane < 0 || pos.x() < layout.gutterWidth - tolerance) return std::nullopt;
    const int process = layout.lanes[static_cast<std::size_t>(lane)].process;
    const auto& m = layout.mapping;
    const auto events = trace.events();
    const auto own = trace.eventsIn(process, m.mapXToTime(pos.x() - tolerance),
                                    m.mapXToTime(pos.x() + tolerance) + 1);
    if (own.empty()) return std::nullopt;
    // Walk outwards from the event nearest in time: in a dense stretch only the few
    // events within the tolerance are looked at, not the whole window.
    const std::int64_t t = m.mapXToTime(pos.x());
    const auto mid = std::partition_point(own.begin(), own.end(),
                                          [&](std::uint32_t e) { return events[e].ts < t; });
    std::optional<std::uint32_t> best;
    double bestDx = tolerance + 1e-9;
    constexpr int kMaxSteps = 4096;
    int steps = 0;
    for (auto it = mid; it != own.end() && steps < kMaxSteps; ++it, ++steps) {
        const double dx = std::abs(m.mapTimeToX(events[*it].ts) - pos.x());
        if (dx > bestDx) break;
        if (hasGlyph(events[*it]) && dx < bestDx) best = *it, bestDx = dx;
    }
    steps = 0;
    for (auto it = mid; it != own.begin() && steps < kMaxSteps; ++steps) {
        --it;
        const double dx = std::abs(m.mapTimeToX(events[*it].ts) - pos.x());
        if (dx > bestDx) break;
        if (hasGlyph(events[*it]) && dx <= bestDx) best = *it, bestDx = dx;
    }
    return best;
}

std::optional<QPointF> eventPosition(const trace::TraceData& trace, const TimelineLayout& layout,
                                     const Viewport& viewport, std::uint32_t event) {
    if (event >= trace.events().size()) return std::nullopt;
    const auto& e = trace.events()[event];
    const auto* lane = layout.laneForProcess(e.process);
    if (!lane) return std::nullopt;
    return QPointF(layout.mapping.mapTimeToX(e.ts), lane->glyphY - viewport.scrollY);
}

QString describeEvent(const trace::TraceData& trace, std::uint32_t index) {
    if (index >= trace.events().size()) return {};
    const auto& e = trace.events()[index];
    const ScenarioClock clock = ScenarioClock::of(trace);
    const QString op = toQString(trace::opName(e.op));
    const QString object = objectName(trace, e.object);
    const QString text = toQString(trace.text(e.text));
    const trace::ObjectInfo* info =
        e.object < trace.objects().size() ? &trace.objects()[e.object] : nullptr;

    QStringList lines;
    QString head = object.isEmpty() ? op : op + QLatin1Char(' ') + object;
    if (e.phase == Phase::Failed)
        head += QStringLiteral(" — failed (timed out or would block)");
    else if (e.phase != Phase::Done)
        head += QStringLiteral(" (") + toQString(trace::phaseName(e.phase)) + QLatin1Char(')');
    lines << head;
    if (info) {
        QString kind = toQString(trace::objectKindName(info->kind));
        if (info->capacity > 0) {
            if (info->kind == ObjectKind::Semaphore)
                kind += QStringLiteral(", ") + QString::number(info->capacity) +
                        QStringLiteral(" permits");
            else if (info->kind == ObjectKind::Queue || info->kind == ObjectKind::JoinableQueue)
                kind += QStringLiteral(", maxsize ") + QString::number(info->capacity);
            else if (info->kind == ObjectKind::Pool)
                kind += QStringLiteral(", ") + QString::number(info->capacity) +
                        QStringLiteral(" workers");
        }
        lines << QStringLiteral("object: ") + object + QStringLiteral(" (") + kind +
                     QLatin1Char(')');
    }

    const bool done = e.phase == Phase::Done;
    switch (e.op) {
    case Op::Start:
        lines << QStringLiteral("child: ") + childByPid(trace, e);
        break;
    case Op::Join:
        lines << QStringLiteral("child: ") + childByPid(trace, e);
        if (done) lines << QStringLiteral("child ended: ") + exitcodeText(trace::joinedExitcode(e));
        break;
    case Op::Terminate:
        lines << QStringLiteral("child: ") + childByPid(trace, e) << QStringLiteral("sent SIGTERM");
        break;
    case Op::Exit:
        lines << exitcodeText(e.value);
        break;
    case Op::Print:
        lines << QStringLiteral("printed: ") + text;
        break;
    case Op::Sleep:
        lines << QStringLiteral("for ") + formatDuration(clock.durationSeconds(e.value));
        break;
    case Op::Acquire:
    case Op::Release:
        if (info && info->kind == ObjectKind::Semaphore)
            lines << QStringLiteral("semaphore value after: ") + QString::number(e.value);
        else if (done)
            lines << (e.op == Op::Acquire ? QStringLiteral("lock now held")
                                          : QStringLiteral("lock now free"));
        break;
    case Op::Set:
        lines << QStringLiteral("flag now set");
        break;
    case Op::Clear:
        lines << QStringLiteral("flag now clear");
        break;
    case Op::Wait:
        if (done)
            lines << (e.value == 1 ? QStringLiteral("returned True (flag set)")
                                   : QStringLiteral("returned False (timed out)"));
        break;
    case Op::Put:
    case Op::Get:
        if (!text.isEmpty()) lines << QStringLiteral("item: ") + text;
        if (done) lines << QStringLiteral("queue length after: ") + QString::number(e.value);
        break;
    case Op::Send:
    case Op::Recv:
        if (!text.isEmpty()) lines << QStringLiteral("item: ") + text;
        if (done)
            lines << QStringLiteral("bytes waiting in the pipe after: ") + QString::number(e.value)
                  << QStringLiteral("pipe end: ") + QString::number(trace::pipeEnd(e));
        break;
    case Op::Submit:
    case Op::TaskStart:
        lines << QStringLiteral("task #") + QString::number(e.value) + QStringLiteral(": ") + text;
        break;
    case Op::TaskEnd:
        lines << QStringLiteral("task #") + QString::number(e.value) + QStringLiteral(" result: ") +
                     text;
        break;
    case Op::Read:
    case Op::Write: {
        const QString number = toQString(
            trace::sharedNumberText(e.value, info ? info->valueType : trace::kNoValueType));
        if (info && info->kind == ObjectKind::Array)
            lines << QStringLiteral("element [") + QString::number(trace::arrayElement(e)) +
                         QStringLiteral("] = ") + number;
        else
            lines << QStringLiteral("value: ") + number;
        break;
    }
    case Op::TaskDone:
        lines << QStringLiteral("unfinished tasks after: ") + QString::number(e.value);
        break;
    default:
        if (!text.isEmpty()) lines << text;
        break;
    }
    lines << QStringLiteral("process: ") + processName(trace, e.process);
    lines << QStringLiteral("at ") + at(clock, e.ts) + QStringLiteral(" (scenario time)");
    return lines.join(QLatin1Char('\n'));
}

QString describeSlice(const trace::TraceData& trace, int process, const trace::Slice& slice) {
    const ScenarioClock clock = ScenarioClock::of(trace);
    QString head = toQString(trace::stateName(slice.state));
    if (const QString what = sliceLabel(trace, process, slice, clock);
        !what.isEmpty() && slice.state == trace::State::Blocked)
        head += QStringLiteral(": ") + what;
    QStringList lines{head, processName(trace, process)};
    if (slice.end == trace::Slice::kOpen)
        lines << QStringLiteral("since ") + at(clock, slice.begin);
    else
        lines << at(clock, slice.begin) + QStringLiteral(" → ") + at(clock, slice.end) +
                     QStringLiteral(" (") + formatSpan(clock, slice.end - slice.begin) +
                     QLatin1Char(')');
    return lines.join(QLatin1Char('\n'));
}

QString tooltipAt(const trace::TraceData& trace, const TimelineLayout& layout,
                  const Viewport& viewport, QPointF pos) {
    if (auto e = eventAt(trace, layout, viewport, pos)) return describeEvent(trace, *e);
    const int lane = laneAt(layout, viewport, pos.y());
    if (lane < 0) return {};
    const int process = layout.lanes[static_cast<std::size_t>(lane)].process;
    const auto& info = trace.processes()[static_cast<std::size_t>(process)];
    if (pos.x() >= layout.gutterWidth) {
        const std::int64_t t = layout.mapping.mapXToTime(pos.x());
        if (info.endTs && t >= *info.endTs)
            return laneLabel(info) + QLatin1Char('\n') + exitLabel(info);
        if (const auto* s = trace.sliceAt(process, t)) return describeSlice(trace, process, *s);
    }
    QString text = laneLabel(info);
    if (info.daemon) text += QStringLiteral("\ndaemon");
    if (info.endTs) text += QLatin1Char('\n') + exitLabel(info);
    return text;
}

} // namespace mpviz::render
