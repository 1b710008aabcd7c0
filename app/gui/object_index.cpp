#include "gui/object_index.hpp"

#include <algorithm>

namespace mpviz::gui {

using trace::Event;
using trace::Phase;

void ObjectIndex::clear() {
    source_ = nullptr;
    indexed_ = 0;
    done_.clear();
}

void ObjectIndex::update(const trace::TraceData& trace) {
    const auto events = trace.events();
    if (source_ != &trace || events.size() < indexed_) {
        clear();
        source_ = &trace;
    }
    done_.resize(trace.objects().size());
    const auto before = [&](std::uint32_t a, std::uint32_t b) {
        return trace::happensBefore(events[a], events[b]);
    };
    for (; indexed_ < events.size(); ++indexed_) {
        const Event& e = events[indexed_];
        if (e.phase != Phase::Done || e.object == trace::kNoObject || e.object >= done_.size())
            continue;
        auto& list = done_[e.object];
        const auto index = static_cast<std::uint32_t>(indexed_);
        // Nearly always an append; a late batch from another process lands a little earlier.
        auto at = list.end();
        while (at != list.begin() && before(index, *(at - 1)))
            --at;
        list.insert(at, index);
    }
}

std::span<const std::uint32_t> ObjectIndex::done(std::uint16_t object) const {
    if (object >= done_.size()) return {};
    return done_[object];
}

std::span<const std::uint32_t> ObjectIndex::doneUpTo(const trace::TraceData& trace,
                                                     std::uint16_t object, std::int64_t t) const {
    const auto list = done(object);
    const auto events = trace.events();
    const auto end = std::partition_point(list.begin(), list.end(), [&](std::uint32_t i) {
        return i < events.size() && events[i].ts <= t;
    });
    return list.first(static_cast<std::size_t>(end - list.begin()));
}

} // namespace mpviz::gui
