// Lost updates on a Value, and on each element of an Array, found once from their reads
// and writes in time order: a write erases a number its writer never saw when the writer last read
// it before the write it now overwrites, and that write was another process's.

#include "trace/trace.hpp"

#include <algorithm>

namespace mpviz::trace {

namespace {
constexpr std::uint32_t kNone = UINT32_MAX;
}

void TraceData::watchAccess(const ObjectHistory& history, std::uint32_t index) const {
    const Event& e = events_[index];
    const ObjectInfo& info = objects_[e.object];
    // A Value is one element; an Array as many as it is long, the event says which.
    const bool array = info.kind == ObjectKind::Array;
    const std::size_t elements =
        array ? static_cast<std::size_t>(std::max<std::int64_t>(info.capacity, 0)) : 1;
    const int element = array ? arrayElement(e) : 0;
    if (element < 0 || static_cast<std::size_t>(element) >= elements) return;
    if (history.lastWrite.size() < elements) history.lastWrite.resize(elements, kNone);
    auto& readBy = history.lastReadBy;
    const std::size_t slot = e.process * elements + static_cast<std::size_t>(element);
    if (readBy.size() <= slot) readBy.resize((e.process + 1u) * elements, kNone);
    std::uint32_t& lastWrite = history.lastWrite[static_cast<std::size_t>(element)];
    if (e.op == Op::Read) {
        readBy[slot] = index;
        return;
    }
    if (lastWrite != kNone) {
        const Event& erased = events_[lastWrite];
        const std::uint32_t read = readBy[slot];
        if (erased.process != e.process && read != kNone && happensBefore(events_[read], erased))
            history.lostUpdates.push_back({index, lastWrite});
    }
    lastWrite = index;
}

// Found on the first read after a change, going on from the accesses already gone over;
// sortDone starts them over when an access arrived behind them.
std::span<const LostUpdate> TraceData::lostUpdates(std::uint16_t object) const {
    if (object >= objectHistory_.size()) return {};
    const auto& history = objectHistory_[object];
    std::lock_guard lock(derivedMutex_.mutex);
    sortDone(history);
    const ObjectKind kind = objects_[object].kind;
    if (kind != ObjectKind::Value && kind != ObjectKind::Array) return {};
    for (; history.watched < history.done.size(); ++history.watched) {
        const std::uint32_t i = history.done[history.watched];
        const Op op = events_[i].op;
        if (op == Op::Read || op == Op::Write) watchAccess(history, i);
    }
    return history.lostUpdates;
}

std::span<const LostUpdate> TraceData::lostUpdatesUpTo(std::uint16_t object, std::int64_t t) const {
    const auto all = lostUpdates(object);
    const auto end = std::partition_point(
        all.begin(), all.end(), [&](const LostUpdate& l) { return events_[l.write].ts <= t; });
    return all.first(static_cast<std::size_t>(end - all.begin()));
}

} // namespace mpviz::trace
