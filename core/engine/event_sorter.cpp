#include "engine/event_sorter.hpp"

#include <algorithm>

namespace mpviz::engine {

std::size_t EventSorter::addSource(std::int64_t windowNs) {
    sources_.emplace_back();
    sources_.back().windowNs = windowNs;
    return sources_.size() - 1;
}

void EventSorter::setWindow(std::size_t source, std::int64_t windowNs) {
    sources_[source].windowNs = windowNs;
}

void EventSorter::closeSource(std::size_t source) {
    sources_[source].open = false;
}

std::int64_t EventSorter::holdNs() const {
    int open = 0;
    std::int64_t widest = 0;
    for (const auto& s : sources_)
        if (s.open) {
            ++open;
            widest = std::max(widest, s.windowNs);
        }
    return open == 1 && widest <= kPromptWindowNs ? 0 : widest;
}

std::int64_t EventSorter::watermark(std::int64_t now) const {
    const auto hold = holdNs();
    return hold == 0 ? INT64_MAX : now - hold;
}

std::int64_t EventSorter::nextReleaseAt() const {
    std::int64_t oldest = INT64_MAX;
    for (const auto& s : sources_)
        if (!s.held.empty()) oldest = std::min(oldest, s.held.front().event.ts);
    return oldest == INT64_MAX ? oldest : oldest + holdNs();
}

bool EventSorter::empty() const {
    for (const auto& s : sources_)
        if (!s.held.empty()) return false;
    return true;
}

} // namespace mpviz::engine
