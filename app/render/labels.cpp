// The words on the timeline.

#include "render/labels.hpp"

#include "render/time_axis.hpp"
#include "trace/exit_status.hpp"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <csignal>
#include <filesystem>

namespace mpviz::render {

QString toQString(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

using trace::Op;
using trace::State;

QString laneLabel(const trace::ProcessInfo& process) {
    return QString::fromStdString(process.name) + QStringLiteral(" (") +
           QString::number(process.pid) + QLatin1Char(')');
}

QString signalName(int signal) {
    const auto name = trace::signalName(signal);
    if (name.empty()) return QCoreApplication::translate("render", "signal %1").arg(signal);
    return toQString(name);
}

QString exitLabel(const trace::ProcessInfo& process) {
    return process.endTs ? exitLabel(process.exitcode) : QString();
}

QString exitLabel(std::optional<int> exitcode) {
    if (!exitcode) return QCoreApplication::translate("render", "ended");
    const int code = *exitcode;
    if (code < 0)
        return QCoreApplication::translate("render", "killed (%1)").arg(signalName(-code));
    return QCoreApplication::translate("render", "exited (%1)").arg(code);
}

QStringList exitLabelForms(std::optional<int> exitcode) {
    if (exitcode && *exitcode < 0)
        return {exitLabel(exitcode), QCoreApplication::translate("render", "killed")};
    return {exitLabel(exitcode)};
}

QString objectName(const trace::TraceData& trace, std::uint16_t object) {
    if (object == trace::kNoObject || object >= trace.objects().size()) return {};
    return QString::fromStdString(trace.objects()[object].name);
}

namespace {

// Whom a blocked join waits for. A trace read back from JSON has no peer on its slices,
// so fall back on the join that ended the slice, or on the deadlock report.
int joinPeer(const trace::TraceData& trace, int process, const trace::Slice& slice) {
    if (slice.peer >= 0) return slice.peer;
    if (slice.end != trace::Slice::kOpen) {
        const auto events = trace.events();
        for (std::uint32_t i : trace.eventsIn(process, slice.end, slice.end + 1))
            if (events[i].op == Op::Join)
                return trace.processIndexByPid(static_cast<int>(events[i].value));
    }
    if (const auto& d = trace.deadlock())
        for (const auto& edge : d->edges)
            if (edge.from == process && edge.op == Op::Join) return edge.to;
    return -1;
}

} // namespace

namespace {
QString peerOrObjectName(const trace::TraceData& trace, std::uint16_t object, int peer) {
    if (peer >= 0 && static_cast<std::size_t>(peer) < trace.processes().size())
        return toQString(trace.processes()[static_cast<std::size_t>(peer)].name);
    return objectName(trace, object);
}
} // namespace

QString blockedOn(const trace::TraceData& trace, int process, const trace::Slice& slice) {
    return peerOrObjectName(trace, slice.object,
                            slice.op == Op::Join ? joinPeer(trace, process, slice) : slice.peer);
}

QString operationLabel(const trace::TraceData& trace, trace::Op op, std::uint16_t object,
                       int peer) {
    const QString what = toQString(trace::opName(op));
    const QString on = peerOrObjectName(trace, object, peer);
    return on.isEmpty() ? what : what + QLatin1Char(' ') + on;
}

QString sliceLabel(const trace::TraceData& trace, int process, const trace::Slice& slice,
                   const ScenarioClock& clock) {
    return sliceLabelForms(trace, process, slice, clock).value(0);
}

QStringList sliceLabelForms(const trace::TraceData& trace, int process, const trace::Slice& slice,
                            const ScenarioClock& clock) {
    switch (slice.state) {
    case State::Sleeping: {
        const QString sleep = QCoreApplication::translate("render", "sleep");
        if (slice.end == trace::Slice::kOpen || clock.steps) return {sleep};
        return {QCoreApplication::translate("render", "sleep %1")
                    .arg(formatDuration(clock.durationSeconds(slice.end - slice.begin))),
                sleep};
    }
    case State::Blocked: {
        const QString full =
            operationLabel(trace, slice.op, slice.object,
                           slice.op == Op::Join ? joinPeer(trace, process, slice) : slice.peer);
        const QString op = toQString(trace::opName(slice.op));
        return full == op ? QStringList{op} : QStringList{full, op};
    }
    default:
        return {};
    }
}

QString longestThatFits(const QStringList& forms, const QFontMetricsF& metrics, double room) {
    for (const QString& form : forms)
        if (metrics.horizontalAdvance(form) <= room) return form;
    return {};
}

QString deadlockEdgeLabel(const trace::TraceData& trace, const trace::DeadlockEdge& edge) {
    return QCoreApplication::translate("render", "waits: %1")
        .arg(operationLabel(trace, edge.op, edge.object));
}

QString pythonClassName(trace::ObjectKind kind) {
    using trace::ObjectKind;
    switch (kind) {
    case ObjectKind::Lock:
        return QStringLiteral("Lock");
    case ObjectKind::Semaphore:
        return QStringLiteral("Semaphore");
    case ObjectKind::Event:
        return QStringLiteral("Event");
    case ObjectKind::Queue:
        return QStringLiteral("Queue");
    case ObjectKind::JoinableQueue:
        return QStringLiteral("JoinableQueue");
    case ObjectKind::Pipe:
        return QStringLiteral("Pipe");
    case ObjectKind::Pool:
        return QStringLiteral("Pool");
    case ObjectKind::Value:
        return QStringLiteral("Value");
    case ObjectKind::Array:
        return QStringLiteral("Array");
    case ObjectKind::Count:
        break;
    }
    return {};
}

// The words of core (trace::stateName() and the like) are collected here for lupdate, and
// translated where they are shown.
namespace {
constexpr const char* kCoreWords[] = {
    // states
    QT_TRANSLATE_NOOP("render", "running"), QT_TRANSLATE_NOOP("render", "sleeping"),
    QT_TRANSLATE_NOOP("render", "blocked"), QT_TRANSLATE_NOOP("render", "exited"),
    QT_TRANSLATE_NOOP("render", "not started"),
    // outcomes
    QT_TRANSLATE_NOOP("render", "completed"), QT_TRANSLATE_NOOP("render", "deadlock"),
    QT_TRANSLATE_NOOP("render", "timeout"), QT_TRANSLATE_NOOP("render", "stopped"),
    // phases
    QT_TRANSLATE_NOOP("render", "intent"), QT_TRANSLATE_NOOP("render", "done"),
    QT_TRANSLATE_NOOP("render", "begin"), QT_TRANSLATE_NOOP("render", "failed"),
    // kinds of object
    QT_TRANSLATE_NOOP("render", "lock"), QT_TRANSLATE_NOOP("render", "semaphore"),
    QT_TRANSLATE_NOOP("render", "event"), QT_TRANSLATE_NOOP("render", "queue"),
    QT_TRANSLATE_NOOP("render", "joinable_queue"), QT_TRANSLATE_NOOP("render", "pipe"),
    QT_TRANSLATE_NOOP("render", "pool"), QT_TRANSLATE_NOOP("render", "value"),
    QT_TRANSLATE_NOOP("render", "array")};

QString coreWord(std::string_view name) {
    (void)kCoreWords;
    return QCoreApplication::translate("render", std::string(name).c_str());
}
} // namespace

QString stateText(trace::State state) {
    return coreWord(trace::stateName(state));
}

QString outcomeText(trace::Outcome outcome) {
    return coreWord(trace::outcomeName(outcome));
}

QString phaseText(trace::Phase phase) {
    return coreWord(trace::phaseName(phase));
}

QString kindText(trace::ObjectKind kind) {
    return coreWord(trace::objectKindName(kind));
}

QString defaultTitle(const trace::TraceData& trace) {
    // A program's trace names it by its path; its file name is what people call it.
    const std::string& id = trace.scenario;
    const bool program = id.size() > 3 && id.compare(id.size() - 3, 3, ".py") == 0;
    const QString scenario =
        id.empty() ? QCoreApplication::translate("render", "mpviz trace")
        : program  ? QString::fromStdString(std::filesystem::path(id).filename().string())
                   : QString::fromStdString(id);
    const QString title = scenario + QStringLiteral(" — ") + outcomeText(trace.outcome());
    return trace.logicalClock
               ? title +
                     QCoreApplication::translate("render", "  (logical time: one column per step)")
               : title;
}

} // namespace mpviz::render
