#include "trace_checks.hpp"

#include "engine/explain.hpp"
#include "trace/chrome_json.hpp"
#include "trace/logical_time.hpp"
#include "trace/process_order.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace mpviz::fuzz {
namespace {

// The instants a viewer lands on: both ends of the session, its middle, and every edge of
// a slice (where off-by-one answers hide), capped so a long trace stays quick to fuzz.
std::vector<std::int64_t> probeInstants(const trace::TraceData& t) {
    const std::int64_t first = t.firstTs();
    const std::int64_t last = t.lastTs();
    std::vector<std::int64_t> at{first, last, first / 2 + last / 2};
    for (std::size_t p = 0; p < t.processes().size() && at.size() < 64; ++p)
        for (const trace::Slice& s : t.slices(static_cast<int>(p))) {
            at.push_back(s.begin);
            if (s.end != trace::Slice::kOpen) at.push_back(s.end);
            if (at.size() >= 64) break;
        }
    return at;
}

void askEveryView(const trace::TraceData& t) {
    const auto instants = probeInstants(t);
    const std::int64_t first = t.firstTs();
    const std::int64_t last = t.lastTs();
    const auto processes = static_cast<int>(t.processes().size());
    const std::size_t events = t.events().size();
    for (const trace::Message& m : t.messages())
        if (m.from >= events || m.to >= events) broken("an arrow names an event that is not there");
    for (const trace::OrderedProcess& o : trace::creationOrder(t))
        if (o.process < 0 || o.process >= processes) broken("creation order names no process");
    for (int p = 0; p < processes; ++p) {
        const auto slices = t.slices(p);
        for (std::size_t i = 1; i < slices.size(); ++i)
            if (slices[i].begin < slices[i - 1].end) broken("two slices of one process overlap");
        for (const std::uint32_t e : t.eventsIn(p, first, last))
            if (e >= events) broken("a process lists an event that is not there");
        (void)t.slicesIn(p, first, last);
        for (const std::int64_t at : instants) {
            (void)t.stateAt(p, at);
            (void)t.sliceAt(p, at);
            (void)engine::explainBlocked(t, p, at);
        }
    }
    for (std::size_t o = 0; o < t.objects().size(); ++o) {
        const auto object = static_cast<std::uint16_t>(o);
        for (const std::int64_t at : instants) {
            for (const int holder : t.holdersAt(object, at))
                if (holder < 0 || holder >= processes) broken("a holder is no process");
            for (const int waiter : t.waitersAt(object, at))
                if (waiter < 0 || waiter >= processes) broken("a waiter is no process");
            for (const std::uint32_t item : t.queueItemsAt(object, at))
                (void)t.text(item);
            (void)t.valueAt(object, at);
        }
    }
    (void)engine::explainDeadlock(t);
}

} // namespace

void broken(std::string_view what) {
    std::fprintf(stderr, "fuzz: %.*s\n", static_cast<int>(what.size()), what.data());
    std::abort();
}

void exerciseTrace(const trace::TraceData& t) {
    askEveryView(t);
    const trace::LogicalClock clock(t);
    askEveryView(trace::toLogicalTime(t, clock));

    const std::string saved = trace::toChromeJson(t, "fuzz");
    try {
        askEveryView(trace::fromChromeJson(saved));
    } catch (const trace::TraceFormatError& e) {
        std::fprintf(stderr, "%s\n", saved.c_str());
        broken(std::string("a saved trace does not read back: ") + e.what());
    }
}

} // namespace mpviz::fuzz
