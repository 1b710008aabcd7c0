#pragma once
// The trace's arrows (TraceData::messages()) arranged for drawing a time range: grouped by
// (from process, to process, kind), each group sorted by the source event's time. The
// painter finds a range's arrows by binary search and skips through stretches denser
// than a pixel, instead of reading every message of the run each frame.

#include "trace/trace.hpp"

#include <cstdint>
#include <vector>

namespace mpviz::render {

class ArrowIndex {
  public:
    struct Arrow {
        std::int64_t fromTs = 0;
        std::int64_t toTs = 0;
        std::uint32_t from = 0; // event indices
        std::uint32_t to = 0;
    };
    struct Group {
        int fromProcess = 0;
        int toProcess = 0;
        trace::Message::Kind kind = trace::Message::Kind::Item;
        std::int64_t maxBackSpan = 0; // the longest fromTs − toTs ≥ 0 (an arrow back in time)
        std::int64_t maxSpan = 0;     // the longest toTs − fromTs ≥ 0
        std::vector<Arrow> arrows;    // by fromTs
    };

    // O(messages · log messages). Reads trace.messages() (which may fill its cache).
    static ArrowIndex build(const trace::TraceData& trace);

    const std::vector<Group>& groups() const { return groups_; }
    std::size_t builtAtEvents() const { return events_; } // trace.events().size() then

  private:
    std::vector<Group> groups_;
    std::size_t events_ = 0;
};

} // namespace mpviz::render
