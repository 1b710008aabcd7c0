#pragma once
// Each child's events arrive in time order, but children send in batches, so batches of
// different children overlap in time. The sorter holds events back until no child can still
// send an earlier one, then releases them merged in time order: the trace then only ever
// appends, which is what keeps ingest fast.
//
// How long "no child can still send an earlier one" takes depends on how soon each source
// sends what it stamped (docs/wire-protocol.md, "When a child sends"): a source's window is
// that delay plus slack for a busy machine, and an event waits for the widest window among
// the open sources. Every connection is prompt once it said hello, a C++ lesson's process
// and a Python program's alike (both flushers send within 1 ms), and a prompt source alone
// is not held at all. For a C++ lesson that is exact: a newcomer stamps nothing before the
// engine has read its hello. A Python child may send, with its hello, events it stamped
// while its interpreter started, earlier than some already released: those go in late.

#include "trace/event.hpp"

#include <algorithm>
#include <deque>
#include <vector>

namespace mpviz::engine {

class EventSorter {
  public:
    // A connection that has not said hello yet (a Python child sends the events it buffered
    // before its hello with it).
    static constexpr std::int64_t kWindowNs = 15'000'000;
    // A process that said hello, of either runtime: its flusher sends within 1 ms of the first
    // event it buffered (core/mp/runtime.cpp, mpviz_shim/runtime.py).
    static constexpr std::int64_t kPromptWindowNs = 4'000'000;

    // One per connection, open until closeSource(); starts with the cautious window.
    std::size_t addSource(std::int64_t windowNs = kWindowNs);
    void setWindow(std::size_t source, std::int64_t windowNs);
    // Everything it will send was received: it no longer holds anyone back.
    void closeSource(std::size_t source);

    void push(std::size_t source, const trace::Event& e, const trace::SourceSpot& at) {
        sources_[source].held.push_back({e, at});
    }

    // At `now`, events stamped up to this time can be released.
    std::int64_t watermark(std::int64_t now) const;
    // When the oldest held event may be released (INT64_MAX: nothing held).
    std::int64_t nextReleaseAt() const;

    // Hands `sink(event, spot)` every held event with ts <= watermark, in time order
    // (k-way merge). An event that came later than its source's window promised (a machine
    // too busy to run the child's flusher in time) keeps its own time: it goes in behind
    // events stamped after it, which the trace takes (more slowly), and is counted.
    template <class Sink> void release(std::int64_t watermark, Sink&& sink) {
        for (;;) {
            std::deque<Held>* best = nullptr;
            for (auto& s : sources_)
                if (!s.held.empty() && s.held.front().event.ts <= watermark &&
                    (!best || s.held.front().event.ts < best->front().event.ts))
                    best = &s.held;
            if (!best) return;
            const trace::Event& e = best->front().event;
            if (e.ts < released_) ++late_;
            released_ = std::max(released_, e.ts);
            sink(e, best->front().at);
            best->pop_front();
        }
    }
    template <class Sink> void releaseAll(Sink&& sink) { release(INT64_MAX, sink); }
    bool empty() const;
    std::uint64_t late() const { return late_; } // events released behind a later one

  private:
    struct Held {
        trace::Event event;
        trace::SourceSpot at;
    };
    struct Source {
        std::deque<Held> held;
        std::int64_t windowNs = kWindowNs;
        bool open = true;
    };
    // How long an event is held now: the widest window of the open sources, 0 for none.
    std::int64_t holdNs() const;
    std::vector<Source> sources_;
    std::int64_t released_ = INT64_MIN; // the latest time released so far
    std::uint64_t late_ = 0;
};

} // namespace mpviz::engine
