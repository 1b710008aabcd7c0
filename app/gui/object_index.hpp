#pragma once
// Per-object lists of Done events in time order, built incrementally as a live trace
// grows (events arrive per process, so a new one is inserted by time from the back). The
// state view asks "who wrote this Value last", "which pool tasks run", "what is in the pipe"
// at any instant with a binary search instead of walking the whole trace every frame.

#include "trace/trace.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace mpviz::gui {

class ObjectIndex {
  public:
    // Indexes the events appended since the last call. A different or shorter trace than
    // before starts over.
    void update(const trace::TraceData& trace);
    void clear();

    // Done events on `object`, sorted by (ts, seq).
    std::span<const std::uint32_t> done(std::uint16_t object) const;
    // The prefix of done(object) with ts <= t.
    std::span<const std::uint32_t> doneUpTo(const trace::TraceData& trace, std::uint16_t object,
                                            std::int64_t t) const;

  private:
    const trace::TraceData* source_ = nullptr;
    std::size_t indexed_ = 0;
    std::vector<std::vector<std::uint32_t>> done_;
};

} // namespace mpviz::gui
