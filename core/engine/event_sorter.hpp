#pragma once
// Each child's events arrive in time order, but children flush in batches (at least every
// 10 ms), so batches of different children overlap in time. The sorter holds events back
// until no child can still send an earlier one, then releases them merged in time order:
// the trace then only ever appends, which is what keeps ingest fast.

#include "trace/event.hpp"

#include <deque>
#include <vector>

namespace mpviz::engine {

class EventSorter {
  public:
    // How long an event is held: a flush interval plus slack for a busy machine.
    static constexpr std::int64_t kWindowNs = 15'000'000;

    std::size_t addSource(); // one per connection
    void push(std::size_t source, const trace::Event& e, const trace::SourceSpot& at) {
        queues_[source].push_back({e, at});
    }

    // Hands `sink(event, spot)` every held event with ts <= watermark, in time order
    // (k-way merge).
    template <class Sink> void release(std::int64_t watermark, Sink&& sink) {
        for (;;) {
            std::deque<Held>* best = nullptr;
            for (auto& q : queues_)
                if (!q.empty() && q.front().event.ts <= watermark &&
                    (!best || q.front().event.ts < best->front().event.ts))
                    best = &q;
            if (!best) return;
            sink(best->front().event, best->front().at);
            best->pop_front();
        }
    }
    template <class Sink> void releaseAll(Sink&& sink) { release(INT64_MAX, sink); }
    bool empty() const;

  private:
    struct Held {
        trace::Event event;
        trace::SourceSpot at;
    };
    std::vector<std::deque<Held>> queues_;
};

} // namespace mpviz::engine
