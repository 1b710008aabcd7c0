// The engine's sorter: children's overlapping batches go into the trace merged in time
// order, held only as long as some other open child could still send an earlier event.
#include "engine/event_sorter.hpp"

#include <catch2/catch.hpp>

#include <vector>

using mpviz::engine::EventSorter;
using mpviz::trace::Event;
using mpviz::trace::SourceSpot;

namespace {

Event at(std::int64_t ts, std::uint16_t process) {
    Event e;
    e.ts = ts;
    e.process = process;
    return e;
}

struct Released {
    std::vector<std::int64_t> times;
    std::vector<int> processes;
    void operator()(const Event& e, const SourceSpot&) {
        times.push_back(e.ts);
        processes.push_back(e.process);
    }
};

constexpr std::int64_t kMs = 1'000'000;

} // namespace

TEST_CASE("Overlapping batches of two children come out merged in time order", "[sorter]") {
    EventSorter sorter;
    const auto a = sorter.addSource(), b = sorter.addSource();
    for (std::int64_t t : {10, 30, 50})
        sorter.push(a, at(t * kMs, 0), {});
    for (std::int64_t t : {20, 40})
        sorter.push(b, at(t * kMs, 1), {});
    Released out;
    sorter.releaseAll(out);
    CHECK(out.times == std::vector<std::int64_t>{10 * kMs, 20 * kMs, 30 * kMs, 40 * kMs, 50 * kMs});
    CHECK(out.processes == std::vector<int>{0, 1, 0, 1, 0});
    CHECK(sorter.empty());
}

TEST_CASE("An event waits for the widest window among the open children", "[sorter]") {
    EventSorter sorter;
    const auto lesson = sorter.addSource(EventSorter::kPromptWindowNs);
    const auto program = sorter.addSource(); // a Python program's: the cautious window
    sorter.push(lesson, at(100 * kMs, 0), {});
    CHECK(sorter.nextReleaseAt() == 100 * kMs + EventSorter::kWindowNs);
    Released out;
    sorter.release(sorter.watermark(100 * kMs + EventSorter::kPromptWindowNs), out);
    CHECK(out.times.empty()); // the Python child may still send something older
    sorter.setWindow(program, EventSorter::kPromptWindowNs);
    CHECK(sorter.nextReleaseAt() == 100 * kMs + EventSorter::kPromptWindowNs);
    sorter.release(sorter.watermark(100 * kMs + EventSorter::kPromptWindowNs), out);
    CHECK(out.times == std::vector<std::int64_t>{100 * kMs});
}

TEST_CASE("A prompt child sending alone is not held at all", "[sorter]") {
    EventSorter sorter;
    const auto main = sorter.addSource(EventSorter::kPromptWindowNs);
    sorter.push(main, at(5 * kMs, 0), {});
    CHECK(sorter.nextReleaseAt() == 5 * kMs);
    Released out;
    sorter.release(sorter.watermark(5 * kMs), out);
    CHECK(out.times == std::vector<std::int64_t>{5 * kMs});

    // A second child connects: from now on each waits for the other.
    const auto worker = sorter.addSource(EventSorter::kPromptWindowNs);
    sorter.push(main, at(6 * kMs, 0), {});
    sorter.release(sorter.watermark(6 * kMs), out);
    CHECK(out.times.size() == 1);
    // Once it has gone, nobody is waited for again.
    sorter.closeSource(worker);
    sorter.release(sorter.watermark(6 * kMs), out);
    CHECK(out.times == std::vector<std::int64_t>{5 * kMs, 6 * kMs});
}

TEST_CASE("A cautious child alone is still held: children it forks may send older events",
          "[sorter]") {
    EventSorter sorter;
    const auto main = sorter.addSource();
    sorter.push(main, at(5 * kMs, 0), {});
    Released out;
    sorter.release(sorter.watermark(5 * kMs), out);
    CHECK(out.times.empty());
    sorter.release(sorter.watermark(5 * kMs + EventSorter::kWindowNs), out);
    CHECK(out.times == std::vector<std::int64_t>{5 * kMs});
}

TEST_CASE("An event later than its window promised keeps its own time and is counted", "[sorter]") {
    EventSorter sorter;
    const auto a = sorter.addSource(EventSorter::kPromptWindowNs);
    const auto b = sorter.addSource(EventSorter::kPromptWindowNs);
    sorter.push(a, at(20 * kMs, 0), {});
    Released out;
    sorter.release(sorter.watermark(30 * kMs), out);
    sorter.push(b, at(18 * kMs, 1), {}); // stamped before what was released, sent after it
    sorter.push(b, at(25 * kMs, 1), {});
    sorter.release(sorter.watermark(40 * kMs), out);
    CHECK(out.times == std::vector<std::int64_t>{20 * kMs, 18 * kMs, 25 * kMs});
    CHECK(out.processes == std::vector<int>{0, 1, 1});
    CHECK(sorter.late() == 1);
}
