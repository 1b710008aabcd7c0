#include "gui/run/world_snapshot.hpp"

#include "render/labels.hpp"
#include "trace/process_order.hpp"

#include <algorithm>
#include <map>

namespace mpviz::gui {

using trace::Event;
using trace::ObjectKind;
using trace::Op;
using trace::State;
using trace::TraceData;

namespace {
// Replaying an object's whole history to list pipe messages or pool tasks is linear; past
// this many events the lists are left out (the counters still show).
constexpr std::size_t kReplayLimit = 50'000;

bool endedBy(const TraceData& d, int process, std::int64_t t) {
    const auto& p = d.processes()[process];
    return p.endTs && *p.endTs <= t;
}
} // namespace

std::string shortItem(std::string_view item, std::size_t maxChars) {
    // Count characters, not bytes: items may hold UTF-8 (the trace's own ellipsis).
    std::size_t chars = 0, cut = item.size();
    for (std::size_t i = 0; i < item.size(); ++i) {
        if ((static_cast<unsigned char>(item[i]) & 0xC0) == 0x80) continue;
        if (chars == maxChars - 1) cut = i;
        ++chars;
    }
    if (chars <= maxChars) return std::string(item);
    return std::string(item.substr(0, cut)) + "\u2026";
}

bool isInternalObject(const TraceData& trace, std::uint16_t object) {
    const auto objects = trace.objects();
    if (object >= objects.size()) return false;
    const std::string& name = objects[object].name;
    return std::any_of(objects.begin(), objects.end(), [&](const trace::ObjectInfo& o) {
        return o.kind == ObjectKind::Pool && name.size() > o.name.size() &&
               name.compare(0, o.name.size(), o.name) == 0 && name[o.name.size()] == '.';
    });
}

ProcessSnapshot processAt(const TraceData& d, int process, std::int64_t t) {
    ProcessSnapshot s;
    const auto& info = d.processes()[process];
    s.index = process;
    s.name = info.name;
    s.pid = info.pid;
    s.started = info.startTs <= t;
    s.ended = endedBy(d, process, t);
    if (s.ended) s.exitcode = info.exitcode;
    s.state = s.started ? d.stateAt(process, t) : State::NotStarted;
    if (s.ended) s.state = State::Exited;
    if (s.state == State::Blocked) {
        if (const auto* slice = d.sliceAt(process, t)) {
            s.op = slice->op;
            s.object = slice->object;
            s.peer = slice->peer;
            s.blockedOn = render::blockedOn(d, process, *slice).toStdString();
        }
    }
    return s;
}

namespace {

void classifyWaiters(const TraceData& d, ObjectSnapshot& s, std::int64_t t) {
    s.waiters = d.waitersAt(s.object, t);
    for (int p : s.waiters) {
        const auto* slice = d.sliceAt(p, t);
        if (!slice) continue;
        switch (slice->op) {
        case Op::Put:
        case Op::Send:
            s.producers.push_back(p);
            break;
        case Op::Get:
        case Op::Recv:
            s.consumers.push_back(p);
            break;
        case Op::Flush:
            s.flushing.push_back(p);
            break;
        default:
            break;
        }
    }
}

void fillQueue(const TraceData& d, ObjectSnapshot& s, std::int64_t t) {
    for (std::uint32_t item : d.queueItemsAt(s.object, t))
        s.items.emplace_back(d.text(item));
    if (s.kind != ObjectKind::JoinableQueue) return;
    const auto events = d.events();
    for (std::uint32_t i : d.doneEventsUpTo(s.object, t)) {
        if (events[i].op == Op::Put) ++s.unfinished;
        if (events[i].op == Op::TaskDone) --s.unfinished;
    }
    s.unfinished = std::max<std::int64_t>(s.unfinished, 0);
}

void fillPipe(const TraceData& d, ObjectSnapshot& s, std::int64_t t) {
    for (std::uint32_t item : d.pipeItemsAt(s.object, 0, t))
        s.items.emplace_back(d.text(item));
    for (std::uint32_t item : d.pipeItemsAt(s.object, 1, t))
        s.itemsBack.emplace_back(d.text(item));
}

void fillValue(const TraceData& d, ObjectSnapshot& s, std::int64_t t) {
    const auto done = d.doneEventsUpTo(s.object, t);
    const auto events = d.events();
    const bool array = s.kind == ObjectKind::Array;
    if (array) s.cells.assign(static_cast<std::size_t>(std::max<std::int64_t>(s.capacity, 0)), {});
    std::size_t unknownCells = s.cells.size();
    for (auto it = done.rbegin(); it != done.rend(); ++it) {
        const Event& e = events[*it];
        if (e.op != Op::Write && e.op != Op::Read) continue;
        if (e.op == Op::Write && s.lastWriter < 0) s.lastWriter = e.process;
        if (e.op == Op::Read && s.lastReader < 0) s.lastReader = e.process;
        if (!array && !s.value) s.value = e.value;
        const int element = trace::arrayElement(e);
        if (array && element >= 0 && static_cast<std::size_t>(element) < s.cells.size() &&
            !s.cells[element]) {
            s.cells[element] = e.value;
            --unknownCells;
        }
        if (s.lastWriter >= 0 && s.lastReader >= 0 && unknownCells == 0 && (array || s.value))
            break;
    }
    const auto lost = d.lostUpdatesUpTo(s.object, t);
    s.lostUpdates = lost.size();
    if (!lost.empty()) {
        const Event& write = events[lost.back().write];
        const Event& erased = events[lost.back().erased];
        s.lastLost = {write.process, write.value, erased.process, erased.value,
                      array ? trace::arrayElement(write) : -1};
    }
}

void fillPool(const TraceData& d, ObjectSnapshot& s, std::int64_t t) {
    const auto done = d.doneEventsUpTo(s.object, t);
    const auto events = d.events();
    std::map<int, std::string> running;          // worker process → task call text
    std::map<std::int64_t, std::string> pending; // task id → call text, in submit order
    std::map<std::int64_t, std::string> calls;
    std::vector<int> seenWorkers;
    if (done.size() <= kReplayLimit) {
        for (std::uint32_t i : done) {
            const Event& e = events[i];
            const std::string text(d.text(e.text));
            switch (e.op) {
            case Op::Start: // the pool started this worker
                if (const int worker = d.processIndexByPid(static_cast<int>(e.value));
                    worker >= 0 &&
                    std::find(seenWorkers.begin(), seenWorkers.end(), worker) == seenWorkers.end())
                    seenWorkers.push_back(worker);
                break;
            case Op::Submit:
                pending[e.value] = text;
                calls[e.value] = text;
                break;
            case Op::TaskStart:
                pending.erase(e.value);
                calls[e.value] = text;
                running[e.process] = text;
                if (std::find(seenWorkers.begin(), seenWorkers.end(), e.process) ==
                    seenWorkers.end())
                    seenWorkers.push_back(e.process);
                break;
            case Op::TaskEnd:
                running.erase(e.process);
                s.results.push_back(calls[e.value] + " \u2192 " + text);
                break;
            default:
                break;
            }
        }
    }
    for (auto& [id, text] : pending)
        s.pending.push_back(text);
    // The pool's workers: those it started (their start names the pool) that are up, and
    // any that ran a task (a trace written before starts named their pool).
    std::sort(seenWorkers.begin(), seenWorkers.end());
    for (int p : seenWorkers) {
        if (d.processes()[static_cast<std::size_t>(p)].startTs > t) continue; // not up yet
        if (endedBy(d, p, t)) {
            ++s.exitedWorkers;
            continue;
        }
        auto it = running.find(p);
        s.workers.push_back({p, it == running.end() ? std::string() : it->second});
    }
}

} // namespace

ObjectSnapshot objectAt(const TraceData& d, std::uint16_t object, std::int64_t t) {
    ObjectSnapshot s;
    const auto& info = d.objects()[object];
    s.object = object;
    s.name = info.name;
    s.kind = info.kind;
    s.capacity = info.capacity;
    s.valueType = info.valueType;
    s.value = d.valueAt(object, t);
    classifyWaiters(d, s, t);
    const auto done = d.doneEventsUpTo(object, t);
    if (!done.empty()) s.lastEvent = done.back();
    switch (info.kind) {
    case ObjectKind::Lock:
    case ObjectKind::Semaphore:
        s.holders = d.holdersAt(object, t);
        for (int p : s.holders)
            if (endedBy(d, p, t) && d.diedHolding(p, object)) s.diedHolding.push_back(p);
        break;
    case ObjectKind::Queue:
    case ObjectKind::JoinableQueue:
        fillQueue(d, s, t);
        break;
    case ObjectKind::Pipe:
        fillPipe(d, s, t);
        break;
    case ObjectKind::Value:
    case ObjectKind::Array:
        fillValue(d, s, t);
        break;
    case ObjectKind::Pool:
        fillPool(d, s, t);
        break;
    case ObjectKind::Event:
    case ObjectKind::Count:
        break;
    }
    return s;
}

WorldSnapshot snapshotAt(const TraceData& d, std::int64_t t) {
    WorldSnapshot w;
    w.t = t;
    const int processes = static_cast<int>(d.processes().size());
    for (int p = 0; p < processes; ++p)
        w.processes.push_back(processAt(d, p, t));
    for (const auto& ordered : trace::creationOrder(d)) // as the timeline's lanes
        w.laneOrder.push_back(ordered.process);
    const auto objects = static_cast<std::uint16_t>(d.objects().size());
    for (std::uint16_t o = 0; o < objects; ++o) {
        if (!isInternalObject(d, o)) w.objects.push_back(objectAt(d, o, t));
    }
    return w;
}

} // namespace mpviz::gui
