// Hit tests and tooltip text.

#include "render/hit_test.hpp"

#include "engine/explain.hpp"
#include "render/core_words.hpp"
#include "render/glyphs.hpp"
#include "render/labels.hpp"
#include "render/time_axis.hpp"
#include "trace/shared_number.hpp"

#include <QCoreApplication>

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

// "0.500 s → 1.250 s (0.75 s)", or "since 0.500 s" while it lasts.
QString stretch(const ScenarioClock& clock, std::int64_t begin, std::int64_t end) {
    if (end == trace::Slice::kOpen)
        return QCoreApplication::translate("render", "since %1").arg(at(clock, begin));
    return at(clock, begin) + QStringLiteral(" → ") + at(clock, end) + QStringLiteral(" (") +
           formatSpan(clock, end - begin) + QLatin1Char(')');
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
    if (name.isEmpty()) return QCoreApplication::translate("render", "pid %1").arg(e.value);
    return name + QStringLiteral(" (") + QString::number(e.value) + QLatin1Char(')');
}

QString exitcodeText(std::int64_t code) {
    if (code < 0)
        return QCoreApplication::translate("render", "killed by %1")
            .arg(signalName(static_cast<int>(-code)));
    return QCoreApplication::translate("render", "exitcode %1").arg(code);
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
        head += QCoreApplication::translate("render", " — failed (timed out or would block)");
    else if (e.phase != Phase::Done)
        head += QCoreApplication::translate("render", " (%1)").arg(phaseText(e.phase));
    lines << head;
    if (info) {
        QString kind = kindText(info->kind);
        if (info->capacity > 0) {
            if (info->kind == ObjectKind::Semaphore)
                kind += QCoreApplication::translate("render", ", %1 permits").arg(info->capacity);
            else if (info->kind == ObjectKind::Queue || info->kind == ObjectKind::JoinableQueue)
                kind += QCoreApplication::translate("render", ", maxsize %1").arg(info->capacity);
            else if (info->kind == ObjectKind::Pool)
                kind += QCoreApplication::translate("render", ", %1 workers").arg(info->capacity);
        }
        lines << QCoreApplication::translate("render", "object: %1 (%2)").arg(object, kind);
    }

    const bool done = e.phase == Phase::Done;
    switch (e.op) {
    case Op::Start:
        lines << QCoreApplication::translate("render", "child: %1").arg(childByPid(trace, e));
        break;
    case Op::Join:
        lines << QCoreApplication::translate("render", "child: %1").arg(childByPid(trace, e));
        if (done)
            lines << QCoreApplication::translate("render", "child ended: %1")
                         .arg(exitcodeText(trace::joinedExitcode(e)));
        break;
    case Op::Terminate:
        lines << QCoreApplication::translate("render", "child: %1").arg(childByPid(trace, e))
              << QCoreApplication::translate("render", "sent SIGTERM");
        break;
    case Op::Exit:
        lines << exitcodeText(e.value);
        break;
    case Op::Print:
        lines << QCoreApplication::translate("render", "printed: %1").arg(text);
        break;
    case Op::Sleep:
        lines << QCoreApplication::translate("render", "for %1")
                     .arg(formatDuration(clock.durationSeconds(e.value)));
        break;
    case Op::Acquire:
    case Op::Release:
        if (info && info->kind == ObjectKind::Semaphore)
            lines
                << QCoreApplication::translate("render", "semaphore value after: %1").arg(e.value);
        else if (done)
            lines << (e.op == Op::Acquire ? QCoreApplication::translate("render", "lock now held")
                                          : QCoreApplication::translate("render", "lock now free"));
        break;
    case Op::Set:
        lines << QCoreApplication::translate("render", "flag now set");
        break;
    case Op::Clear:
        lines << QCoreApplication::translate("render", "flag now clear");
        break;
    case Op::Wait:
        if (done)
            lines << (e.value == 1
                          ? QCoreApplication::translate("render", "returned True (flag set)")
                          : QCoreApplication::translate("render", "returned False (timed out)"));
        break;
    case Op::Put:
    case Op::Get:
        if (!text.isEmpty()) lines << QCoreApplication::translate("render", "item: %1").arg(text);
        if (done)
            lines << QCoreApplication::translate("render", "queue length after: %1").arg(e.value);
        break;
    case Op::Send:
    case Op::Recv:
        if (!text.isEmpty()) lines << QCoreApplication::translate("render", "item: %1").arg(text);
        if (done)
            lines << QCoreApplication::translate("render", "bytes waiting in the pipe after: %1")
                         .arg(e.value)
                  << QCoreApplication::translate("render", "pipe end: %1").arg(trace::pipeEnd(e));
        break;
    case Op::Submit:
    case Op::TaskStart:
        lines << QCoreApplication::translate("render", "task #%1: %2")
                     .arg(QString::number(e.value), text);
        break;
    case Op::TaskEnd:
        lines << QCoreApplication::translate("render", "task #%1 result: %2")
                     .arg(QString::number(e.value), text);
        break;
    case Op::Read:
    case Op::Write: {
        const QString number = toQString(
            trace::sharedNumberText(e.value, info ? info->valueType : trace::kNoValueType));
        if (info && info->kind == ObjectKind::Array)
            lines << QCoreApplication::translate("render", "element [%1] = %2")
                         .arg(QString::number(trace::arrayElement(e)), number);
        else
            lines << QCoreApplication::translate("render", "value: %1").arg(number);
        break;
    }
    case Op::TaskDone:
        lines << QCoreApplication::translate("render", "unfinished tasks after: %1").arg(e.value);
        break;
    default:
        if (!text.isEmpty()) lines << text;
        break;
    }
    lines
        << QCoreApplication::translate("render", "process: %1").arg(processName(trace, e.process));
    lines << QCoreApplication::translate("render", "at %1 (scenario time)").arg(at(clock, e.ts));
    return lines.join(QLatin1Char('\n'));
}

QString describeSlice(const trace::TraceData& trace, int process, const trace::Slice& slice) {
    const ScenarioClock clock = ScenarioClock::of(trace);
    QString head = stateText(slice.state);
    if (const QString what = sliceLabel(trace, process, slice, clock);
        !what.isEmpty() && slice.state == trace::State::Blocked)
        head = QCoreApplication::translate("render", "%1: %2").arg(head, what);
    QStringList lines{head, processName(trace, process)};
    // Why it waits, in a sentence (the engine's, as the command line would say it).
    if (const std::string why =
            engine::explainBlocked(trace, process, slice.begin, coreTranslate());
        !why.empty())
        lines << toQString(why);
    lines << stretch(clock, slice.begin, slice.end);
    return lines.join(QLatin1Char('\n'));
}

std::optional<HoldHit> holdAt(const trace::TraceData& trace, const TimelineLayout& layout,
                              const Viewport& viewport, QPointF pos) {
    const int index = laneAt(layout, viewport, pos.y());
    if (index < 0 || layout.holdRows == 0 || pos.x() < layout.gutterWidth) return std::nullopt;
    const LaneGeometry& lane = layout.lanes[static_cast<std::size_t>(index)];
    const double y = pos.y() + viewport.scrollY - lane.holdTop;
    if (y < 0 || lane.holdRow <= 0) return std::nullopt;
    const int row = static_cast<int>(y / lane.holdRow);
    if (row >= layout.holdRows || y - row * lane.holdRow >= lane.holdBand) return std::nullopt;
    // As paintHolds draws them: levels deeper than the rows share the last row.
    const std::int64_t t = layout.mapping.mapXToTime(pos.x());
    const int levels = trace.holdLevels(lane.process);
    const int deepest = row == layout.holdRows - 1 ? levels - 1 : std::min(row, levels - 1);
    for (int level = deepest; level >= row; --level)
        for (const trace::Hold& h : trace.holdsIn(lane.process, level, t, t + 1))
            if (h.begin <= t && (h.end == trace::Slice::kOpen || t < h.end))
                return HoldHit{lane.process, h};
    return std::nullopt;
}

QString describeHold(const trace::TraceData& trace, int process, const trace::Hold& hold) {
    const ScenarioClock clock = ScenarioClock::of(trace);
    const QString name = objectName(trace, hold.object);
    const auto objects = trace.objects();
    const bool semaphore =
        hold.object < objects.size() && objects[hold.object].kind == ObjectKind::Semaphore;
    QStringList lines{semaphore
                          ? QCoreApplication::translate("render", "holds a permit of %1").arg(name)
                          : QCoreApplication::translate("render", "holds the lock %1").arg(name),
                      processName(trace, process)};
    lines << stretch(clock, hold.begin, hold.end);
    if (hold.diedHolding)
        lines << (semaphore
                      ? QCoreApplication::translate(
                            "render", "it ended holding it: the permit never came back")
                      : QCoreApplication::translate(
                            "render", "it ended holding it (owner died): nobody can release it"));
    return lines.join(QLatin1Char('\n'));
}

QString tooltipAt(const trace::TraceData& trace, const TimelineLayout& layout,
                  const Viewport& viewport, QPointF pos) {
    if (auto e = eventAt(trace, layout, viewport, pos)) return describeEvent(trace, *e);
    if (auto h = holdAt(trace, layout, viewport, pos))
        return describeHold(trace, h->process, h->hold);
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
    if (info.daemon) text += QLatin1Char('\n') + QCoreApplication::translate("render", "daemon");
    if (info.endTs) text += QLatin1Char('\n') + exitLabel(info);
    return text;
}

} // namespace mpviz::render
