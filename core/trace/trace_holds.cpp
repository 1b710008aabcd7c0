// Who held which Lock or Semaphore permit, and when: the holds of every process, derived
// once from its acquires and releases (a process's own events arrive in time order) when
// first read after they arrived, and what the objects' cards and the lanes read from them.

#include "trace/trace.hpp"

#include <algorithm>

namespace mpviz::trace {

// The process's events that arrived since the last read, folded into its holds. Its end
// (setProcessEnd) folds them in first, so events read after the end are taken as the
// process's end found them.
void TraceData::catchUpHolds(int process) const {
    const auto& own = processEvents_[process];
    auto& upTo = holdsUpTo_[process];
    for (; upTo < own.size(); ++upTo) {
        const Event& e = events_[own[upTo]];
        if (const int change = holdChange(e); change != 0 && e.object != kNoObject)
            updateHolds(e, change);
    }
}

const std::vector<std::vector<Hold>>& TraceData::holdsOf(int process) const {
    std::lock_guard lock(derivedMutex_.mutex);
    catchUpHolds(process);
    return holds_[process];
}

void TraceData::updateHolds(const Event& e, int change) const {
    auto& levels = holds_[e.process];
    auto& unreleased = unreleased_[e.process];
    if (change < 0) {
        // The latest unreleased hold of this object ends: an RLock lets go of its innermost
        // hold first. A release with no hold of its own (a semaphore released by another
        // process than the one that acquired it) ends none.
        const auto it = std::find_if(unreleased.rbegin(), unreleased.rend(), [&](const auto& u) {
            return levels[u.first][u.second].object == e.object;
        });
        if (it == unreleased.rend()) return;
        Hold& hold = levels[it->first][it->second];
        hold.end = std::max(e.ts, hold.begin);
        hold.diedHolding = false; // a release that arrived after the process's end
        unreleased.erase(std::next(it).base());
        return;
    }
    std::uint16_t level = 0;
    while (std::any_of(unreleased.begin(), unreleased.end(),
                       [level](const auto& u) { return u.first == level; }))
        ++level;
    if (levels.size() <= level) levels.resize(level + 1u);
    Hold hold{e.ts, Slice::kOpen, e.object, level, false};
    // An acquire read after the process's end (a file read back lists ends first).
    if (const auto& end = processes_[e.process].endTs) {
        hold.end = std::max(*end, e.ts);
        hold.diedHolding = !endedByDeadlockCleanup(*end);
    }
    levels[level].push_back(hold);
    unreleased.emplace_back(level, static_cast<std::uint32_t>(levels[level].size() - 1));
}

// The process ended: what it still held it held until then, and keeps holding.
void TraceData::endHolds(int process, std::int64_t ts) {
    for (const auto& [level, position] : unreleased_[process]) {
        Hold& hold = holds_[process][level][position];
        hold.end = std::max(ts, hold.begin);
        hold.diedHolding = !endedByDeadlockCleanup(ts);
    }
}

bool TraceData::endedByDeadlockCleanup(std::int64_t ts) const {
    return deadlock_ && ts >= deadlock_->ts;
}

bool TraceData::diedHolding(int process, std::uint16_t object) const {
    if (process < 0 || static_cast<std::size_t>(process) >= holds_.size()) return false;
    for (const auto& level : holdsOf(process))
        for (const Hold& hold : level)
            if (hold.object == object && hold.diedHolding) return true;
    return false;
}

int TraceData::holdLevels(int process) const {
    if (process < 0 || static_cast<std::size_t>(process) >= holds_.size()) return 0;
    return static_cast<int>(holdsOf(process).size());
}

std::span<const Hold> TraceData::holds(int process, int level) const {
    if (process < 0 || static_cast<std::size_t>(process) >= holds_.size()) return {};
    const auto& levels = holdsOf(process);
    if (level < 0 || static_cast<std::size_t>(level) >= levels.size()) return {};
    return levels[static_cast<std::size_t>(level)];
}

std::span<const Hold> TraceData::holdsIn(int process, int level, std::int64_t t0,
                                         std::int64_t t1) const {
    const auto all = holds(process, level);
    // Holds of one level do not overlap: their ends are sorted like their begins.
    const auto first =
        std::partition_point(all.begin(), all.end(), [t0](const Hold& h) { return h.end <= t0; });
    const auto last =
        std::partition_point(first, all.end(), [t1](const Hold& h) { return h.begin < t1; });
    return {first, last};
}

std::vector<int> TraceData::holdersAt(std::uint16_t object, std::int64_t t) const {
    std::vector<int> holders;
    for (int p = 0; p < static_cast<int>(holds_.size()); ++p) {
        const auto& levels = holdsOf(p);
        for (int level = 0; level < static_cast<int>(levels.size()); ++level) {
            // At most one hold of a level can cover t: the last one begun by then.
            const auto& list = levels[static_cast<std::size_t>(level)];
            const auto after = std::partition_point(list.begin(), list.end(),
                                                    [t](const Hold& h) { return h.begin <= t; });
            if (after == list.begin()) continue;
            const Hold& hold = *(after - 1);
            // Never released (its process ended first, by its own death or mpviz's cleanup):
            // still held by it.
            const auto neverReleased = [&] {
                const std::pair<std::uint16_t, std::uint32_t> here{
                    static_cast<std::uint16_t>(level),
                    static_cast<std::uint32_t>(after - 1 - list.begin())};
                const auto& open = unreleased_[p];
                return std::find(open.begin(), open.end(), here) != open.end();
            };
            if (hold.object == object && (t < hold.end || neverReleased())) {
                holders.push_back(p);
                break;
            }
        }
    }
    return holders;
}

} // namespace mpviz::trace
