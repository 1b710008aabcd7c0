#include "engine/event_sorter.hpp"

namespace mpviz::engine {

std::size_t EventSorter::addSource() {
    queues_.emplace_back();
    return queues_.size() - 1;
}

bool EventSorter::empty() const {
    for (const auto& q : queues_)
        if (!q.empty()) return false;
    return true;
}

} // namespace mpviz::engine
