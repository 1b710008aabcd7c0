// Building the trace model and answering "what was true at time t" from it. Every append
// does O(1) amortized work: slices are extended at the end, and per-object lists take a
// late event by a short insertion near their end, since arrival order only lags time by
// a child's flush interval. What only some views read (an object's done events, the holds)
// is derived on the first read after a change, so appending and ingesting never pay for it.

#include "trace/trace.hpp"
#include "trace/gallop.hpp"
#include "trace/shared_number.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace mpviz::trace {
namespace {

bool isQueue(ObjectKind kind) {
    return kind == ObjectKind::Queue || kind == ObjectKind::JoinableQueue;
}

// The counter sample a Done event leaves on its object, if it changes observable state.
std::optional<std::int64_t> counterSampleOf(const Event& e, ObjectKind kind) {
    switch (e.op) {
    case Op::Acquire:
    case Op::Release:
    case Op::Put:
    case Op::Get:
    case Op::Send:
    case Op::Recv:
        return e.value;
    case Op::Read:
    case Op::Write:
        // An Array's events carry one element each: no single number to plot.
        if (kind == ObjectKind::Value) return e.value;
        return std::nullopt;
    case Op::Set:
        return 1;
    case Op::Clear:
        return 0;
    default:
        return std::nullopt;
    }
}

} // namespace

// --- building -------------------------------------------------------------------------

int TraceData::addProcess(ProcessInfo info) {
    if (processes_.size() >= kNoObject)
        throw std::length_error("a trace holds at most 65535 processes");
    const int index = static_cast<int>(processes_.size());
    if (info.parent < 0 && info.ppid != 0) info.parent = processIndexByPid(info.ppid);
    processByPid_[info.pid] = index;
    noteTime(info.startTs);
    processEvents_.emplace_back();
    processTimes_.emplace_back();
    spots_.emplace_back();
    holds_.emplace_back();
    unreleased_.emplace_back();
    holdsUpTo_.push_back(0);
    slices_.push_back({Slice{info.startTs, Slice::kOpen, State::Running}});
    exitEvent_.push_back(kNoExit);
    const auto endTs = info.endTs;
    const auto exitcode = info.exitcode;
    info.endTs.reset();
    processes_.push_back(std::move(info));
    if (endTs) setProcessEnd(index, *endTs, exitcode);
    resolveJoinPeers(index);
    return index;
}

// A join that began before its child was known gets the child as its peer once it is.
void TraceData::resolveJoinPeers(int process) {
    if (unresolvedJoins_.empty()) return;
    const auto waiting = unresolvedJoins_.find(processes_[process].pid);
    if (waiting == unresolvedJoins_.end()) return;
    for (const auto& [joiner, begin] : waiting->second) {
        auto& lane = slices_[joiner];
        auto it = std::lower_bound(lane.begin(), lane.end(), begin,
                                   [](const Slice& s, std::int64_t ts) { return s.begin < ts; });
        if (it != lane.end() && it->begin == begin && it->state == State::Blocked &&
            it->op == Op::Join && it->peer < 0)
            it->peer = process;
    }
    unresolvedJoins_.erase(waiting);
}

std::uint16_t TraceData::addObject(ObjectInfo info) {
    if (objects_.size() >= kNoObject - 1)
        throw std::length_error("a trace holds at most 65534 objects");
    const auto index = static_cast<std::uint16_t>(objects_.size());
    objectByName_.try_emplace(info.name, index);
    objects_.push_back(std::move(info));
    counters_.emplace_back();
    countersSorted_.push_back(0);
    objectHistory_.emplace_back();
    return index;
}

std::uint16_t TraceData::findOrAddObject(std::string_view name, ObjectKind kind,
                                         std::int64_t capacity, char valueType) {
    if (auto found = objectByName(name)) {
        auto& known = objects_[*found].valueType;
        if (known == kNoValueType) known = valueType;
        return *found;
    }
    return addObject(ObjectInfo{std::string(name), kind, capacity, valueType});
}

std::uint32_t TraceData::intern(std::string_view text) {
    return strings_.intern(text);
}

void TraceData::noteTime(std::int64_t ts) {
    if (!hasTime_) {
        firstTs_ = lastTs_ = ts;
        hasTime_ = true;
        return;
    }
    if (ts < firstTs_) firstTs_ = ts;
    if (ts > lastTs_) lastTs_ = ts;
}

void TraceData::checkProcess(int process, const char* where) const {
    if (process < 0 || static_cast<std::size_t>(process) >= processes_.size())
        throw std::out_of_range(std::string(where) + ": no process with index " +
                                std::to_string(process));
}

void TraceData::append(const Event& input, const SourceSpot& at) {
    if (input.process >= processes_.size()) [[unlikely]]
        checkProcess(input.process, "TraceData::append");
    if (input.object != kNoObject && input.object >= objects_.size()) [[unlikely]]
        throw std::out_of_range("TraceData::append: no object with index " +
                                std::to_string(input.object));
    if (events_.size() >= UINT32_MAX) [[unlikely]]
        throw std::length_error("a trace holds at most 2^32 events");

    Event e = input;
    e.seq = nextSeq_++;
    auto& times = processTimes_[e.process];
    // Every per-process binary search relies on this order; a process's clock cannot go
    // back, so a violation is at most a few ns of jitter between its threads.
    if (!times.empty() && e.ts < times.back()) e.ts = times.back();

    if (e.ts < processes_[e.process].startTs) [[unlikely]]
        moveStartBack(e.process, e.ts);

    const auto index = static_cast<std::uint32_t>(events_.size());
    events_.push_back(e);
    processEvents_[e.process].push_back(index);
    times.push_back(e.ts);
    if (at.known()) spots_[e.process].push_back({index, at});
    noteTime(e.ts);
    if (e.op == Op::Exit && e.phase == Phase::Done && exitEvent_[e.process] == kNoExit)
        exitEvent_[e.process] = index;
    updateSlices(e);
    if (e.object != kNoObject && e.phase == Phase::Done) recordObjectEvent(e, index);
}

// The engine learns of a process when its hello is read, a moment after the process began
// recording: a process cannot act before it started, so its start moves back to its first act.
void TraceData::moveStartBack(int process, std::int64_t ts) {
    processes_[process].startTs = ts;
    auto& lane = slices_[process];
    if (!lane.empty() && lane.front().state == State::Running)
        lane.front().begin = std::min(lane.front().begin, ts);
    else if (!lane.empty())
        lane.insert(lane.begin(), Slice{ts, lane.front().begin, State::Running});
}

void TraceData::closeSlice(int process, std::int64_t ts) {
    auto& lane = slices_[process];
    if (lane.empty() || lane.back().end != Slice::kOpen) return;
    Slice& open = lane.back();
    if (ts <= open.begin)
        lane.pop_back(); // zero-length: nothing to draw, nothing to hover
    else
        open.end = ts;
}

void TraceData::openSlice(int process, std::int64_t ts, const Slice& next) {
    auto& lane = slices_[process];
    // After setProcessEnd the lane is closed for good: late events no longer change state.
    if (lane.empty() || lane.back().end != Slice::kOpen) return;
    ts = std::max(ts, lane.back().begin);
    closeSlice(process, ts);
    // A dropped zero-length wait leaves two running stretches back to back: one is clearer.
    if (next.state == State::Running && !lane.empty() && lane.back().state == State::Running &&
        lane.back().end == ts) {
        lane.back().end = Slice::kOpen;
        return;
    }
    Slice opened = next;
    opened.begin = ts;
    opened.end = Slice::kOpen;
    lane.push_back(opened);
}

void TraceData::updateSlices(const Event& e) {
    const int p = e.process;
    switch (e.phase) {
    case Phase::Blocked: {
        const int peer = e.op == Op::Join ? processIndexByPid(static_cast<int>(e.value)) : -1;
        openSlice(p, e.ts, Slice{0, Slice::kOpen, State::Blocked, e.op, e.object, peer});
        const auto& lane = slices_[p];
        if (e.op == Op::Join && peer < 0 && e.value > 0 && e.value <= INT32_MAX && !lane.empty() &&
            lane.back().end == Slice::kOpen && lane.back().state == State::Blocked &&
            lane.back().op == Op::Join)
            unresolvedJoins_[static_cast<int>(e.value)].emplace_back(p, lane.back().begin);
        break;
    }
    case Phase::Begin:
        if (e.op == Op::Sleep) openSlice(p, e.ts, Slice{0, Slice::kOpen, State::Sleeping, e.op});
        break;
    case Phase::Done:
    case Phase::Failed: {
        const auto& lane = slices_[p];
        if (lane.empty() || lane.back().end != Slice::kOpen) break;
        const Slice& open = lane.back();
        if (open.state != State::Running && open.op == e.op)
            openSlice(p, e.ts, Slice{0, Slice::kOpen, State::Running});
        break;
    }
    case Phase::Intent:
        break;
    }
}

std::uint32_t TraceData::insertByTime(std::vector<std::uint32_t>& list, std::uint32_t index) const {
    // The newest event has the highest seq, so among equal timestamps it goes last.
    const std::int64_t ts = events_[index].ts;
    if (list.empty() || events_[list.back()].ts <= ts) {
        list.push_back(index);
        return static_cast<std::uint32_t>(list.size() - 1);
    }
    const auto at = gallopFromBack(list.begin(), list.end(),
                                   [&](std::uint32_t i) { return events_[i].ts <= ts; });
    const auto position = static_cast<std::uint32_t>(at - list.begin());
    list.insert(at, index);
    return position;
}

void TraceData::recordObjectEvent(const Event& e, std::uint32_t index) {
    auto& history = objectHistory_[e.object];
    const ObjectKind kind = objects_[e.object].kind;
    history.done.push_back(index);

    if (auto sample = counterSampleOf(e, kind)) counters_[e.object].push_back({e.ts, *sample});

    auto addToChannel = [&](Channel& channel, bool source) {
        auto& list = source ? channel.sources : channel.sinks;
        channel.dirtyRank = std::min(channel.dirtyRank, insertByTime(list, index));
    };
    if (isQueue(kind) && (e.op == Op::Put || e.op == Op::Get)) {
        addToChannel(history.channels[0], e.op == Op::Put);
    } else if (kind == ObjectKind::Pipe && (e.op == Op::Send || e.op == Op::Recv)) {
        // A message sent through end e comes out of end 1 - e.
        const int end = pipeEnd(e);
        if (e.op == Op::Send)
            addToChannel(history.channels[end], true);
        else
            addToChannel(history.channels[1 - end], false);
    } else if (e.op == Op::Set) {
        history.earliestNewSet = std::min(history.earliestNewSet, e.ts);
    }
}

void TraceData::setProcessEnd(int process, std::int64_t ts, std::optional<int> exitcode) {
    checkProcess(process, "TraceData::setProcessEnd");
    auto& lane = slices_[process];
    if (!lane.empty() && lane.back().end == Slice::kOpen)
        closeSlice(process, std::max(ts, lane.back().begin));
    auto& info = processes_[process];
    info.endTs = ts;
    info.exitcode = exitcode;
    noteTime(ts);
    catchUpHolds(process);
    endHolds(process, ts);
    if (exitcode) recordExit(process, ts, *exitcode);
}

// A process killed by a signal sends no exit of its own; its end still belongs in its
// lane, the log and the file, with the code its parent or the engine learned. That code is
// the one owner of how the process ended: a process that sent its exit and was killed
// before it was gone (a daemon terminated as its program ends) ended by the signal.
void TraceData::recordExit(int process, std::int64_t ts, int exitcode) {
    const std::uint32_t existing = exitEvent_[process];
    if (existing == kNoExit) {
        Event e;
        e.ts = ts;
        e.value = exitcode;
        e.process = static_cast<std::uint16_t>(process);
        e.op = Op::Exit;
        e.phase = Phase::Done;
        append(e);
    } else {
        events_[existing].value = exitcode;
    }
}

void TraceData::setDeadlock(DeadlockReport report) {
    noteTime(report.ts);
    deadlock_ = std::move(report);
    // Ends already known (a file lists them first) that were the cleanup's, not deaths.
    for (std::size_t p = 0; p < holds_.size(); ++p)
        if (const auto& end = processes_[p].endTs; end && endedByDeadlockCleanup(*end))
            for (auto& level : holds_[p])
                for (Hold& hold : level)
                    hold.diedHolding = false;
}

// --- reading --------------------------------------------------------------------------

std::string_view TraceData::text(std::uint32_t index) const {
    return strings_.at(index);
}

int TraceData::processIndexByPid(int pid) const {
    auto found = processByPid_.find(pid);
    return found == processByPid_.end() ? -1 : found->second;
}

std::optional<std::uint16_t> TraceData::objectByName(std::string_view name) const {
    auto found = objectByName_.find(name);
    if (found == objectByName_.end()) return std::nullopt;
    return found->second;
}

std::int64_t TraceData::firstTs() const {
    return hasTime_ ? firstTs_ : 0;
}
std::int64_t TraceData::lastTs() const {
    return hasTime_ ? lastTs_ : 0;
}

std::span<const Slice> TraceData::slices(int process) const {
    if (process < 0 || static_cast<std::size_t>(process) >= slices_.size()) return {};
    return slices_[process];
}

std::span<const std::uint32_t> TraceData::processEvents(int process) const {
    if (process < 0 || static_cast<std::size_t>(process) >= processEvents_.size()) return {};
    return processEvents_[process];
}

std::span<const Slice> TraceData::slicesIn(int process, std::int64_t t0, std::int64_t t1) const {
    const auto lane = slices(process);
    // Slices do not overlap, so their ends are sorted as well as their begins.
    const auto first = std::partition_point(lane.begin(), lane.end(),
                                            [t0](const Slice& s) { return s.end <= t0; });
    const auto last =
        std::partition_point(first, lane.end(), [t1](const Slice& s) { return s.begin < t1; });
    return {first, last};
}

std::span<const std::uint32_t> TraceData::eventsIn(int process, std::int64_t t0,
                                                   std::int64_t t1) const {
    const auto own = processEvents(process);
    if (own.empty()) return {};
    const auto& times = processTimes_[process];
    const auto first = std::lower_bound(times.begin(), times.end(), t0);
    const auto last = std::lower_bound(first, times.end(), t1);
    return own.subspan(static_cast<std::size_t>(first - times.begin()),
                       static_cast<std::size_t>(last - first));
}

const Slice* TraceData::sliceAt(int process, std::int64_t t) const {
    const auto lane = slices(process);
    auto after = std::upper_bound(lane.begin(), lane.end(), t,
                                  [](std::int64_t time, const Slice& s) { return time < s.begin; });
    if (after == lane.begin()) return nullptr;
    const Slice& candidate = *(after - 1);
    return t < candidate.end ? &candidate : nullptr;
}

State TraceData::stateAt(int process, std::int64_t t) const {
    if (process < 0 || static_cast<std::size_t>(process) >= processes_.size())
        return State::NotStarted;
    const auto& info = processes_[process];
    if (t < info.startTs) return State::NotStarted;
    if (info.endTs && t >= *info.endTs) return State::Exited;
    const Slice* slice = sliceAt(process, t);
    return slice ? slice->state : State::Running;
}

std::string TraceData::numberText(std::uint16_t object, std::int64_t value) const {
    const char type = object < objects_.size() ? objects_[object].valueType : kNoValueType;
    return sharedNumberText(value, type);
}

SourceSpot TraceData::sourceOf(std::uint32_t event) const {
    if (event >= events_.size()) return {};
    const auto& spots = spots_[events_[event].process];
    const auto it =
        std::lower_bound(spots.begin(), spots.end(), event,
                         [](const SpotEntry& s, std::uint32_t e) { return s.event < e; });
    return it != spots.end() && it->event == event ? it->at : SourceSpot{};
}

std::optional<SourceSpot> TraceData::sourceLineAt(int process, std::int64_t t) const {
    if (process < 0 || static_cast<std::size_t>(process) >= processes_.size()) return std::nullopt;
    const auto& times = processTimes_[process];
    const auto upTo = std::upper_bound(times.begin(), times.end(), t) - times.begin();
    if (upTo == 0) return std::nullopt;
    const std::uint32_t last = processEvents_[process][static_cast<std::size_t>(upTo - 1)];
    const auto& spots = spots_[process];
    auto it = std::upper_bound(spots.begin(), spots.end(), last,
                               [](std::uint32_t e, const SpotEntry& s) { return e < s.event; });
    // Spots without a line (a lesson's thread numbers) are passed over; Python events all
    // name one, so this rarely walks.
    while (it != spots.begin()) {
        --it;
        if (it->at.line != 0) return it->at;
    }
    return std::nullopt;
}

std::span<const std::uint32_t> TraceData::doneEvents(std::uint16_t object) const {
    const ObjectHistory* history = sortedHistory(object);
    if (!history) return {};
    return history->done;
}

const TraceData::ObjectHistory* TraceData::sortedHistory(std::uint16_t object) const {
    if (object >= objectHistory_.size()) return nullptr;
    const ObjectHistory& history = objectHistory_[object];
    std::lock_guard lock(derivedMutex_.mutex);
    sortDone(history);
    return &history;
}

// The events that arrived since the last read, sorted, then merged in from where the first
// of them goes: arrival lags time by a flush at most, so that is near the end.
void TraceData::sortDone(const ObjectHistory& history) const {
    auto& list = history.done;
    if (history.doneSorted == list.size()) return;
    const auto byTime = [this](std::uint32_t a, std::uint32_t b) {
        return happensBefore(events_[a], events_[b]);
    };
    const auto arrived = list.begin() + static_cast<std::ptrdiff_t>(history.doneSorted);
    std::sort(arrived, list.end(), byTime);
    const auto from =
        gallopFromBack(list.begin(), arrived, [&](std::uint32_t i) { return byTime(i, *arrived); });
    std::inplace_merge(from, arrived, list.end(), byTime);
    history.doneSorted = list.size();
    // An access sorted in before those already gone over changes what later writes erased.
    if (static_cast<std::size_t>(from - list.begin()) < history.watched) {
        history.watched = 0;
        history.lostUpdates.clear();
        history.lastWrite.clear();
        history.lastReadBy.clear();
    }
}

std::span<const std::uint32_t> TraceData::doneEventsUpTo(std::uint16_t object,
                                                         std::int64_t t) const {
    const auto list = doneEvents(object);
    const auto end = std::partition_point(list.begin(), list.end(),
                                          [&](std::uint32_t i) { return events_[i].ts <= t; });
    return list.first(static_cast<std::size_t>(end - list.begin()));
}

std::span<const CounterSample> TraceData::counter(std::uint16_t object) const {
    if (object >= counters_.size()) return {};
    std::lock_guard lock(derivedMutex_.mutex);
    sortCounter(object);
    return counters_[object];
}

// As sortDone: samples of one time keep the order they arrived in.
void TraceData::sortCounter(std::uint16_t object) const {
    auto& samples = counters_[object];
    auto& sorted = countersSorted_[object];
    if (sorted == samples.size()) return;
    const auto byTime = [](const CounterSample& a, const CounterSample& b) { return a.ts < b.ts; };
    const auto arrived = samples.begin() + static_cast<std::ptrdiff_t>(sorted);
    std::stable_sort(arrived, samples.end(), byTime);
    const auto from = gallopFromBack(samples.begin(), arrived,
                                     [&](const CounterSample& s) { return s.ts <= arrived->ts; });
    std::inplace_merge(from, arrived, samples.end(), byTime);
    sorted = samples.size();
}

std::optional<std::int64_t> TraceData::valueAt(std::uint16_t object, std::int64_t t) const {
    const auto samples = counter(object);
    auto after =
        std::upper_bound(samples.begin(), samples.end(), t,
                         [](std::int64_t time, const CounterSample& s) { return time < s.ts; });
    if (after == samples.begin()) return std::nullopt;
    return (after - 1)->value;
}

std::vector<int> TraceData::waitersAt(std::uint16_t object, std::int64_t t) const {
    std::vector<int> waiters;
    for (int p = 0; p < static_cast<int>(processes_.size()); ++p) {
        if (stateAt(p, t) != State::Blocked) continue;
        const Slice* slice = sliceAt(p, t);
        if (slice && slice->object == object) waiters.push_back(p);
    }
    return waiters;
}

std::vector<std::uint32_t> TraceData::pendingSources(const Channel& channel, std::int64_t t) const {
    // Items in flight are the sources ranked after the last sink taken by t (FIFO), which
    // costs two binary searches instead of replaying the channel's whole history.
    const auto upTo = [this, t](const std::vector<std::uint32_t>& list) {
        return static_cast<std::size_t>(
            std::partition_point(list.begin(), list.end(),
                                 [this, t](std::uint32_t i) { return events_[i].ts <= t; }) -
            list.begin());
    };
    const std::size_t put = upTo(channel.sources);
    const std::size_t taken = std::min(upTo(channel.sinks), put);
    return {channel.sources.begin() + static_cast<std::ptrdiff_t>(taken),
            channel.sources.begin() + static_cast<std::ptrdiff_t>(put)};
}

std::vector<std::uint32_t> TraceData::queueItemsAt(std::uint16_t object, std::int64_t t) const {
    std::vector<std::uint32_t> items;
    if (object >= objectHistory_.size()) return items;
    std::vector<std::uint32_t> pending;
    for (const Channel& channel : objectHistory_[object].channels) {
        const auto more = pendingSources(channel, t);
        pending.insert(pending.end(), more.begin(), more.end());
    }
    // A pipe has two directions: show them merged in the order they were sent.
    std::sort(pending.begin(), pending.end(), [this](std::uint32_t a, std::uint32_t b) {
        return happensBefore(events_[a], events_[b]);
    });
    items.reserve(pending.size());
    for (const std::uint32_t i : pending)
        items.push_back(events_[i].text);
    return items;
}

std::vector<std::uint32_t> TraceData::pipeItemsAt(std::uint16_t object, int sendingEnd,
                                                  std::int64_t t) const {
    std::vector<std::uint32_t> items;
    if (object >= objectHistory_.size() || sendingEnd < 0 || sendingEnd > 1) return items;
    for (const std::uint32_t i : pendingSources(objectHistory_[object].channels[sendingEnd], t))
        items.push_back(events_[i].text);
    return items;
}

std::size_t TraceData::memoryBytes() const {
    // The arrow cache and the derived lists may be filling in on another reader's thread.
    std::scoped_lock lock(messagesMutex_.mutex, derivedMutex_.mutex);
    const auto bytesOf = [](const auto& vector) {
        return vector.capacity() * sizeof(typename std::decay_t<decltype(vector)>::value_type);
    };
    std::size_t bytes = sizeof(*this) + bytesOf(events_) + bytesOf(processes_) + bytesOf(objects_) +
                        strings_.memoryBytes() + bytesOf(messages_);
    for (const auto& v : processEvents_)
        bytes += bytesOf(v);
    for (const auto& v : processTimes_)
        bytes += bytesOf(v);
    for (const auto& v : slices_)
        bytes += bytesOf(v);
    for (const auto& v : spots_)
        bytes += bytesOf(v);
    for (const auto& v : counters_)
        bytes += bytesOf(v);
    for (std::size_t p = 0; p < holds_.size(); ++p) {
        bytes += bytesOf(holds_[p]) + bytesOf(unreleased_[p]);
        for (const auto& level : holds_[p])
            bytes += bytesOf(level);
    }
    for (const auto& history : objectHistory_) {
        bytes += bytesOf(history.done) + bytesOf(history.lostUpdates) + bytesOf(history.lastReadBy);
        for (const auto& channel : history.channels)
            bytes +=
                bytesOf(channel.sources) + bytesOf(channel.sinks) + bytesOf(channel.arrowSlots);
    }
    for (const auto& waiters : wakeWaiters_)
        bytes += bytesOf(waiters);
    bytes += bytesOf(processEvents_) + bytesOf(processTimes_) + bytesOf(slices_) +
             bytesOf(counters_) + bytesOf(countersSorted_) + bytesOf(holds_) +
             bytesOf(unreleased_) + bytesOf(holdsUpTo_) + bytesOf(objectHistory_) +
             bytesOf(wakeWaiters_);
    for (const auto& p : processes_)
        bytes += p.name.capacity();
    for (const auto& o : objects_)
        bytes += o.name.capacity();
    return bytes;
}

} // namespace mpviz::trace
