// Arrows between events, kept up to date lazily: messages() looks only at the events that
// arrived since its last call. Each arrow keeps its slot in messages_ for good, and a late
// event that changes which events an arrow joins rewrites that slot in place. Events are
// only ever added, so the number of arrows of every kind can only grow.

#include "trace/trace.hpp"

#include <algorithm>

namespace mpviz::trace {
namespace {

constexpr std::uint32_t kNoSlot = UINT32_MAX;

} // namespace

const std::vector<Message>& TraceData::messages() const {
    std::lock_guard lock(messagesMutex_.mutex);
    if (messagesUpTo_ == events_.size() && messagesProcessesSeen_ == processes_.size())
        return messages_;
    if (wakeWaiters_.size() < objects_.size()) wakeWaiters_.resize(objects_.size());

    for (std::size_t i = messagesUpTo_; i < events_.size(); ++i) {
        const Event& e = events_[i];
        if (e.phase != Phase::Done) continue;
        const auto index = static_cast<std::uint32_t>(i);
        switch (e.op) {
        case Op::Start:
            pendingStarts_.push_back(index);
            break;
        case Op::Exit:
            pendingExits_.push_back(index);
            break;
        case Op::Join:
            pendingJoins_.push_back(index);
            break;
        case Op::Wait: {
            // Only a wait that really blocked and then saw the flag set was woken by someone.
            if (e.value != 1 || e.object == kNoObject || e.ts == INT64_MIN) break;
            const Slice* blocked = sliceAt(e.process, e.ts - 1);
            if (blocked && blocked->state == State::Blocked && blocked->op == Op::Wait &&
                blocked->object == e.object)
                wakeWaiters_[e.object].push_back(WakeWaiter{index, blocked->begin});
            break;
        }
        default:
            break;
        }
    }
    messagesUpTo_ = events_.size();
    messagesProcessesSeen_ = processes_.size();

    updateChannelArrows();
    updateWakeArrows();
    updateProcessArrows();
    return messages_;
}

void TraceData::placeArrow(std::uint32_t& slot, Message m) const {
    if (slot == kNoSlot) {
        slot = static_cast<std::uint32_t>(messages_.size());
        messages_.push_back(m);
    } else {
        messages_[slot] = m;
    }
}

// Item arrows: the k-th put (send) in time order delivered the k-th get (recv).
void TraceData::updateChannelArrows() const {
    for (const ObjectHistory& history : objectHistory_) {
        for (const Channel& channel : history.channels) {
            const std::size_t pairs = std::min(channel.sources.size(), channel.sinks.size());
            if (channel.arrowSlots.size() < pairs) channel.arrowSlots.resize(pairs, kNoSlot);
            for (std::size_t rank = channel.dirtyRank; rank < pairs; ++rank)
                placeArrow(
                    channel.arrowSlots[rank],
                    Message{channel.sources[rank], channel.sinks[rank], Message::Kind::Item});
            channel.dirtyRank = static_cast<std::uint32_t>(pairs);
        }
    }
}

// The set that woke a blocked wait: the first set by another process after the wait
// blocked. Sets are recorded before waiters can run, so it comes before the wait's Done.
std::optional<std::uint32_t> TraceData::wakingSet(std::uint16_t object,
                                                  const WakeWaiter& waiter) const {
    const auto& marks = objectHistory_[object].done;
    const Event& wait = events_[waiter.wait];
    auto it = std::partition_point(marks.begin(), marks.end(), [&](std::uint32_t i) {
        return events_[i].ts < waiter.blockedSince;
    });
    for (; it != marks.end(); ++it) {
        const Event& candidate = events_[*it];
        if (!happensBefore(candidate, wait)) break;
        if (candidate.op == Op::Set && candidate.process != wait.process) return *it;
    }
    return std::nullopt;
}

void TraceData::updateWakeArrows() const {
    for (std::size_t object = 0; object < wakeWaiters_.size(); ++object) {
        auto& history = objectHistory_[object];
        // wakingSet reads the object's done events in time order.
        if (!wakeWaiters_[object].empty()) sortedHistory(static_cast<std::uint16_t>(object));
        for (WakeWaiter& waiter : wakeWaiters_[object]) {
            // A set that arrived late can only change the wake of a wait that ended after it.
            const bool mayChange =
                waiter.slot == kNoSlot || history.earliestNewSet <= events_[waiter.wait].ts;
            if (!mayChange) continue;
            if (auto set = wakingSet(static_cast<std::uint16_t>(object), waiter))
                placeArrow(waiter.slot, Message{*set, waiter.wait, Message::Kind::Wake});
        }
        history.earliestNewSet = INT64_MAX;
    }
}

void TraceData::updateProcessArrows() const {
    // Start: the parent's start → the child's first event, once the child has one.
    std::erase_if(pendingStarts_, [this](std::uint32_t start) {
        const int child = processIndexByPid(static_cast<int>(events_[start].value));
        if (child < 0 || processEvents_[child].empty()) return false;
        messages_.push_back(Message{start, processEvents_[child].front(), Message::Kind::Start});
        return true;
    });

    // Exit: the child's exit → the first join of it by its parent that returned after.
    std::erase_if(pendingExits_, [this](std::uint32_t exit) {
        const Event& exited = events_[exit];
        const ProcessInfo& child = processes_[exited.process];
        const int parent = child.parent >= 0 ? child.parent : processIndexByPid(child.ppid);
        if (parent < 0) return false;
        auto best = pendingJoins_.end();
        for (auto it = pendingJoins_.begin(); it != pendingJoins_.end(); ++it) {
            const Event& join = events_[*it];
            if (join.process != parent || join.value != child.pid) continue;
            if (happensBefore(join, exited)) continue;
            if (best == pendingJoins_.end() || happensBefore(join, events_[*best])) best = it;
        }
        if (best == pendingJoins_.end()) return false;
        messages_.push_back(Message{exit, *best, Message::Kind::Exit});
        pendingJoins_.erase(best);
        return true;
    });
}

} // namespace mpviz::trace
