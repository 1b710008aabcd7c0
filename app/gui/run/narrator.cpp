#include "gui/run/narrator.hpp"

#include "engine/explain.hpp"
#include "render/labels.hpp"

#include <QStringList>

#include <algorithm>

namespace mpviz::gui {

using trace::Event;
using trace::ObjectKind;
using trace::Op;
using trace::Phase;
using trace::TraceData;

namespace {

QString processName(const TraceData& d, int process) {
    if (process < 0 || static_cast<std::size_t>(process) >= d.processes().size())
        return QStringLiteral("a process");
    return QString::fromStdString(d.processes()[process].name);
}

QString processByPid(const TraceData& d, std::int64_t pid) {
    const int index = d.processIndexByPid(static_cast<int>(pid));
    return index >= 0 ? processName(d, index) : QStringLiteral("pid %1").arg(pid);
}

QString quoted(const TraceData& d, std::uint16_t object) {
    return QLatin1Char('\'') + render::objectName(d, object) + QLatin1Char('\'');
}

QString names(const TraceData& d, const std::vector<int>& processes) {
    QStringList out;
    for (int p : processes)
        out << processName(d, p);
    if (out.size() <= 1) return out.join(QString());
    const QString last = out.takeLast();
    return out.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
}

ObjectKind kindOf(const TraceData& d, std::uint16_t object) {
    return object < d.objects().size() ? d.objects()[object].kind : ObjectKind::Lock;
}

QString blockedSentence(const TraceData& d, const Event& e) {
    const QString who = processName(d, e.process);
    const QString obj = quoted(d, e.object);
    const auto kind = kindOf(d, e.object);
    const auto capacity = e.object < d.objects().size() ? d.objects()[e.object].capacity : 0;
    switch (e.op) {
    case Op::Acquire: {
        auto holders = d.holdersAt(e.object, e.ts);
        holders.erase(std::remove(holders.begin(), holders.end(), e.process), holders.end());
        if (kind == ObjectKind::Semaphore) {
            QString s = who + QStringLiteral(" is blocked: the semaphore ") + obj +
                        QStringLiteral(" has no permits left");
            if (!holders.empty())
                s += QStringLiteral(" (") + names(d, holders) + QStringLiteral(" hold all ") +
                     QString::number(capacity) + QLatin1Char(')');
            return s;
        }
        if (holders.empty())
            return who + QStringLiteral(" is blocked: ") + obj + QStringLiteral(" is taken");
        return who + QStringLiteral(" is blocked: ") + obj + QStringLiteral(" is held by ") +
               names(d, holders);
    }
    case Op::Wait:
        return who + QStringLiteral(" waits until event ") + obj + QStringLiteral(" is set");
    case Op::Put:
        return who + QStringLiteral(" is blocked: the queue ") + obj +
               QStringLiteral(" is full (") + QString::number(capacity) + QStringLiteral(" of ") +
               QString::number(capacity) + QStringLiteral(") until someone takes an item");
    case Op::Get:
        return who + QStringLiteral(" is blocked: the queue ") + obj +
               QStringLiteral(" is empty, it waits for an item");
    case Op::Send:
        return who + QStringLiteral(" is blocked: the pipe ") + obj +
               QStringLiteral(" buffer is full until the other end reads");
    case Op::Recv:
        return who + QStringLiteral(" waits for a message on the pipe ") + obj;
    case Op::Join:
        return who + QStringLiteral(" waits for ") + processByPid(d, e.value) +
               QStringLiteral(" to finish (join)");
    case Op::QueueJoin:
        return who + QStringLiteral(" waits until every item of ") + obj +
               QStringLiteral(" got its task_done()");
    case Op::Flush:
        return who + QStringLiteral(" cannot exit yet: the data it put into ") + obj +
               QStringLiteral(" still sits in the pipe, and nobody reads it");
    default:
        return who + QStringLiteral(" is blocked in ") + render::toQString(trace::opName(e.op)) +
               (e.object == trace::kNoObject ? QString() : QStringLiteral(" on ") + obj);
    }
}

QString doneSentence(const TraceData& d, const Event& e) {
    const QString who = processName(d, e.process);
    const QString obj = quoted(d, e.object);
    const QString text = render::toQString(d.text(e.text));
    const auto kind = kindOf(d, e.object);
    switch (e.op) {
    case Op::Start:
        return who + QStringLiteral(" started ") + processByPid(d, e.value);
    case Op::Join:
        return who + QStringLiteral(" joined ") + processByPid(d, e.value) +
               QStringLiteral(" (exit code ") + QString::number(trace::joinedExitcode(e)) +
               QLatin1Char(')');
    case Op::Terminate:
        return who + QStringLiteral(" terminated ") + processByPid(d, e.value) +
               QStringLiteral(" (sent SIGTERM)");
    case Op::Exit:
        if (e.value < 0)
            return who + QStringLiteral(" was killed by ") + render::signalName(int(-e.value));
        return who + QStringLiteral(" finished with exit code ") + QString::number(e.value);
    case Op::Acquire:
        if (kind == ObjectKind::Semaphore)
            return who + QStringLiteral(" took a permit of ") + obj + QStringLiteral(" (") +
                   QString::number(e.value) + QStringLiteral(" left)");
        return who + QStringLiteral(" acquired ") + obj;
    case Op::Release:
        if (kind == ObjectKind::Semaphore)
            return who + QStringLiteral(" gave back a permit of ") + obj + QStringLiteral(" (") +
                   QString::number(e.value) + QStringLiteral(" free)");
        return who + QStringLiteral(" released ") + obj;
    case Op::Set:
        return who + QStringLiteral(" set event ") + obj +
               QStringLiteral(": every process waiting on it goes on");
    case Op::Clear:
        return who + QStringLiteral(" cleared event ") + obj;
    case Op::Wait:
        return e.value == 1
                   ? who + QStringLiteral(" saw event ") + obj + QStringLiteral(" set and goes on")
                   : who + QStringLiteral(" stopped waiting for ") + obj +
                         QStringLiteral(" (timeout)");
    case Op::Put:
        return who + QStringLiteral(" put ") + text + QStringLiteral(" into ") + obj +
               QStringLiteral(" (") + QString::number(e.value) + QStringLiteral(" waiting)");
    case Op::Get:
        return who + QStringLiteral(" took ") + text + QStringLiteral(" from ") + obj +
               QStringLiteral(" (") + QString::number(e.value) + QStringLiteral(" left)");
    case Op::Send:
        return who + QStringLiteral(" sent ") + text + QStringLiteral(" through ") + obj;
    case Op::Recv:
        return who + QStringLiteral(" received ") + text + QStringLiteral(" from ") + obj;
    case Op::Submit:
        return who + QStringLiteral(" handed ") + text + QStringLiteral(" to the pool");
    case Op::TaskStart:
        return who + QStringLiteral(" runs ") + text;
    case Op::TaskEnd:
        return who + QStringLiteral(" finished a task: result ") + text;
    case Op::Write:
        return who + QStringLiteral(" wrote ") +
               render::toQString(d.numberText(e.object, e.value)) + QStringLiteral(" to ") + obj;
    case Op::TaskDone:
        return who + QStringLiteral(" called task_done() on ") + obj + QStringLiteral(" (") +
               QString::number(e.value) + QStringLiteral(" unfinished)");
    case Op::QueueJoin:
        return who + QStringLiteral(" saw every item of ") + obj + QStringLiteral(" done");
    default:
        return {};
    }
}

bool notable(const Event& e) {
    if (e.op == Op::Print || e.op == Op::Sleep || e.op == Op::Read || e.op == Op::Deadlock)
        return false;
    return e.phase == Phase::Blocked || e.phase == Phase::Done || e.phase == Phase::Failed;
}

} // namespace

QString narrateEvent(const TraceData& d, std::uint32_t index) {
    if (index >= d.events().size()) return {};
    const Event& e = d.events()[index];
    switch (e.phase) {
    case Phase::Blocked:
        return blockedSentence(d, e);
    case Phase::Done:
        return doneSentence(d, e);
    case Phase::Failed:
        return processName(d, e.process) + QStringLiteral(" gave up on ") +
               render::toQString(trace::opName(e.op)) +
               (e.object == trace::kNoObject ? QString()
                                             : QStringLiteral(" ") + quoted(d, e.object)) +
               QStringLiteral(" (timeout)");
    default:
        return {};
    }
}

// The engine's words (the command line prints the same), framed for the banner.
QString explainDeadlock(const TraceData& d) {
    if (!d.deadlock()) return {};
    return QStringLiteral("Deadlock: ") + QString::fromStdString(engine::explainDeadlock(d));
}

std::optional<Narration> latestNotable(const TraceData& d, std::int64_t t) {
    if (const auto& report = d.deadlock(); report && report->ts <= t)
        return Narration{explainDeadlock(d), Narration::Tone::Deadlock, report->ts, std::nullopt};
    const auto events = d.events();
    std::optional<std::uint32_t> best;
    const int processes = static_cast<int>(d.processes().size());
    for (int p = 0; p < processes; ++p) {
        const auto list = d.eventsIn(p, d.firstTs(), t + 1);
        int looked = 0;
        for (auto it = list.rbegin(); it != list.rend() && looked < 64; ++it, ++looked) {
            const Event& e = events[*it];
            if (e.ts > t || !notable(e)) continue;
            if (!best || happensBefore(events[*best], e)) best = *it;
            break;
        }
    }
    if (!best) return std::nullopt;
    const Event& e = events[*best];
    Narration n{narrateEvent(d, *best), Narration::Tone::Info, e.ts, *best};
    if (e.phase == Phase::Blocked) n.tone = Narration::Tone::Blocked;
    if (e.op == Op::Exit) n.tone = Narration::Tone::Ended;
    if (n.text.isEmpty()) return std::nullopt;
    return n;
}

} // namespace mpviz::gui
