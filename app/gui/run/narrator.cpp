#include "gui/run/narrator.hpp"

#include "engine/explain.hpp"
#include "render/core_words.hpp"
#include "render/labels.hpp"

#include <QCoreApplication>
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
        return QCoreApplication::translate("narrator", "a process");
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
    return QCoreApplication::translate("narrator", "%1 and %2", "a list of process names")
        .arg(out.join(QCoreApplication::translate("narrator", ", ", "between process names")),
             last);
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
            if (!holders.empty())
                return QCoreApplication::translate(
                           "narrator", "%1 is blocked: the semaphore %2 has no permits left "
                                       "(%3 hold all %4)")
                    .arg(who, obj, names(d, holders), QString::number(capacity));
            return QCoreApplication::translate(
                       "narrator", "%1 is blocked: the semaphore %2 has no permits left")
                .arg(who, obj);
        }
        if (holders.empty())
            return QCoreApplication::translate("narrator", "%1 is blocked: %2 is taken")
                .arg(who, obj);
        return QCoreApplication::translate("narrator", "%1 is blocked: %2 is held by %3")
            .arg(who, obj, names(d, holders));
    }
    case Op::Wait:
        return QCoreApplication::translate("narrator", "%1 waits until event %2 is set")
            .arg(who, obj);
    case Op::Put:
        return QCoreApplication::translate(
                   "narrator",
                   "%1 is blocked: the queue %2 is full (%3 of %3) until someone takes an item")
            .arg(who, obj, QString::number(capacity));
    case Op::Get:
        return QCoreApplication::translate(
                   "narrator", "%1 is blocked: the queue %2 is empty, it waits for an item")
            .arg(who, obj);
    case Op::Send:
        return QCoreApplication::translate(
                   "narrator",
                   "%1 is blocked: the pipe %2 buffer is full until the other end reads")
            .arg(who, obj);
    case Op::Recv:
        return QCoreApplication::translate("narrator", "%1 waits for a message on the pipe %2")
            .arg(who, obj);
    case Op::Join:
        return QCoreApplication::translate("narrator", "%1 waits for %2 to finish (join)")
            .arg(who, processByPid(d, e.value));
    case Op::QueueJoin:
        return QCoreApplication::translate("narrator",
                                           "%1 waits until every item of %2 got its task_done()")
            .arg(who, obj);
    case Op::Flush:
        return QCoreApplication::translate("narrator",
                                           "%1 cannot exit yet: the data it put into %2 still sits "
                                           "in the pipe, and nobody reads it")
            .arg(who, obj);
    default:
        if (e.object == trace::kNoObject)
            return QCoreApplication::translate("narrator", "%1 is blocked in %2")
                .arg(who, render::toQString(trace::opName(e.op)));
        return QCoreApplication::translate("narrator", "%1 is blocked in %2 on %3")
            .arg(who, render::toQString(trace::opName(e.op)), obj);
    }
}

QString doneSentence(const TraceData& d, const Event& e) {
    const QString who = processName(d, e.process);
    const QString obj = quoted(d, e.object);
    const QString text = render::toQString(d.text(e.text));
    const auto kind = kindOf(d, e.object);
    const QString value = QString::number(e.value);
    switch (e.op) {
    case Op::Start:
        return QCoreApplication::translate("narrator", "%1 started %2")
            .arg(who, processByPid(d, e.value));
    case Op::Join:
        return QCoreApplication::translate("narrator", "%1 joined %2 (exit code %3)")
            .arg(who, processByPid(d, e.value), QString::number(trace::joinedExitcode(e)));
    case Op::Terminate:
        return QCoreApplication::translate("narrator", "%1 terminated %2 (sent SIGTERM)")
            .arg(who, processByPid(d, e.value));
    case Op::Exit:
        if (e.value < 0)
            return QCoreApplication::translate("narrator", "%1 was killed by %2")
                .arg(who, render::signalName(int(-e.value)));
        return QCoreApplication::translate("narrator", "%1 finished with exit code %2")
            .arg(who, value);
    case Op::Acquire:
        if (kind == ObjectKind::Semaphore)
            return QCoreApplication::translate("narrator", "%1 took a permit of %2 (%3 left)")
                .arg(who, obj, value);
        return QCoreApplication::translate("narrator", "%1 acquired %2").arg(who, obj);
    case Op::Release:
        if (kind == ObjectKind::Semaphore)
            return QCoreApplication::translate("narrator", "%1 gave back a permit of %2 (%3 free)")
                .arg(who, obj, value);
        return QCoreApplication::translate("narrator", "%1 released %2").arg(who, obj);
    case Op::Set:
        return QCoreApplication::translate("narrator",
                                           "%1 set event %2: every process waiting on it goes on")
            .arg(who, obj);
    case Op::Clear:
        return QCoreApplication::translate("narrator", "%1 cleared event %2").arg(who, obj);
    case Op::Wait:
        return e.value == 1
                   ? QCoreApplication::translate("narrator", "%1 saw event %2 set and goes on")
                         .arg(who, obj)
                   : QCoreApplication::translate("narrator", "%1 stopped waiting for %2 (timeout)")
                         .arg(who, obj);
    case Op::Put:
        return QCoreApplication::translate("narrator", "%1 put %2 into %3 (%4 waiting)")
            .arg(who, text, obj, value);
    case Op::Get:
        return QCoreApplication::translate("narrator", "%1 took %2 from %3 (%4 left)")
            .arg(who, text, obj, value);
    case Op::Send:
        return QCoreApplication::translate("narrator", "%1 sent %2 through %3").arg(who, text, obj);
    case Op::Recv:
        return QCoreApplication::translate("narrator", "%1 received %2 from %3")
            .arg(who, text, obj);
    case Op::Submit:
        return QCoreApplication::translate("narrator", "%1 handed %2 to the pool").arg(who, text);
    case Op::TaskStart:
        return QCoreApplication::translate("narrator", "%1 runs %2").arg(who, text);
    case Op::TaskEnd:
        return QCoreApplication::translate("narrator", "%1 finished a task: result %2")
            .arg(who, text);
    case Op::Write:
        return QCoreApplication::translate("narrator", "%1 wrote %2 to %3")
            .arg(who, render::toQString(d.numberText(e.object, e.value)), obj);
    case Op::TaskDone:
        return QCoreApplication::translate("narrator",
                                           "%1 called task_done() on %2 (%3 unfinished)")
            .arg(who, obj, value);
    case Op::QueueJoin:
        return QCoreApplication::translate("narrator", "%1 saw every item of %2 done")
            .arg(who, obj);
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
        if (e.object == trace::kNoObject)
            return QCoreApplication::translate("narrator", "%1 gave up on %2 (timeout)")
                .arg(processName(d, e.process), render::toQString(trace::opName(e.op)));
        return QCoreApplication::translate("narrator", "%1 gave up on %2 %3 (timeout)")
            .arg(processName(d, e.process), render::toQString(trace::opName(e.op)),
                 quoted(d, e.object));
    default:
        return {};
    }
}

QString deadlockPrefix() {
    return QCoreApplication::translate("narrator", "Deadlock: ");
}

// The engine's words (the command line prints the same), framed for the banner.
QString explainDeadlock(const TraceData& d) {
    if (!d.deadlock()) return {};
    return deadlockPrefix() +
           QString::fromStdString(engine::explainDeadlock(d, render::coreTranslate()));
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
