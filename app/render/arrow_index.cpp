// Building the arrow index.

#include "render/arrow_index.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace mpviz::render {

ArrowIndex ArrowIndex::build(const trace::TraceData& trace) {
    ArrowIndex index;
    index.events_ = trace.events().size();
    const auto events = trace.events();
    std::map<std::tuple<int, int, int>, std::size_t> groupOf;
    for (const auto& m : trace.messages()) {
        if (m.from >= events.size() || m.to >= events.size()) continue;
        const auto& a = events[m.from];
        const auto& b = events[m.to];
        const auto key = std::make_tuple(int{a.process}, int{b.process}, static_cast<int>(m.kind));
        auto [it, added] = groupOf.try_emplace(key, index.groups_.size());
        if (added) {
            Group g;
            g.fromProcess = a.process;
            g.toProcess = b.process;
            g.kind = m.kind;
            index.groups_.push_back(std::move(g));
        }
        Group& g = index.groups_[it->second];
        g.arrows.push_back({a.ts, b.ts, m.from, m.to});
        g.maxSpan = std::max(g.maxSpan, b.ts - a.ts);
        g.maxBackSpan = std::max(g.maxBackSpan, a.ts - b.ts);
    }
    for (auto& g : index.groups_)
        std::stable_sort(g.arrows.begin(), g.arrows.end(),
                         [](const Arrow& x, const Arrow& y) { return x.fromTs < y.fromTs; });
    return index;
}

} // namespace mpviz::render
