#include "trace/logical_time.hpp"

#include <algorithm>

namespace mpviz::trace {

LogicalClock::LogicalClock(const TraceData& trace) {
    instants_.reserve(trace.events().size() + 2 * trace.processes().size());
    for (const auto& e : trace.events())
        instants_.push_back(e.ts);
    for (const auto& p : trace.processes()) {
        instants_.push_back(p.startTs);
        if (p.endTs) instants_.push_back(*p.endTs);
    }
    std::sort(instants_.begin(), instants_.end());
    instants_.erase(std::unique(instants_.begin(), instants_.end()), instants_.end());
}

std::int64_t LogicalClock::toLogical(std::int64_t ts) const {
    if (instants_.empty()) return ts;
    const std::int64_t origin = instants_.front();
    if (ts <= origin) return ts; // before the first step: wall time, so nothing folds
    const auto after = std::upper_bound(instants_.begin(), instants_.end(), ts);
    const auto step = static_cast<std::int64_t>(after - instants_.begin()) - 1;
    const std::int64_t from = instants_[static_cast<std::size_t>(step)];
    double fraction = 0;
    if (after != instants_.end()) {
        fraction = double(ts - from) / double(*after - from);
    } else {
        // Past the last instant: approach the next step, half of it after half a second.
        const double d = double(ts - from);
        fraction = d / (d + 0.5e9);
    }
    return origin + step * kStepNs + static_cast<std::int64_t>(fraction * double(kStepNs));
}

TraceData toLogicalTime(const TraceData& trace, const LogicalClock& clock) {
    TraceData out;
    out.scenario = trace.scenario;
    out.params = trace.params;
    out.speed = trace.speed;
    out.logicalClock = true;
    for (const auto& p : trace.processes()) {
        ProcessInfo info = p;
        info.startTs = clock.toLogical(p.startTs);
        info.endTs.reset();
        out.addProcess(std::move(info));
    }
    for (const auto& o : trace.objects())
        out.addObject(o);
    const auto events = trace.events();
    for (std::uint32_t i = 0; i < events.size(); ++i) {
        Event copy = events[i];
        copy.ts = clock.toLogical(copy.ts);
        if (copy.text != kNoText) copy.text = out.intern(trace.text(copy.text));
        SourceSpot at = trace.sourceOf(i);
        if (at.file != kNoText) at.file = out.intern(trace.text(at.file));
        out.append(copy, at);
    }
    const auto processes = trace.processes();
    for (std::size_t i = 0; i < processes.size(); ++i)
        if (processes[i].endTs)
            out.setProcessEnd(static_cast<int>(i), clock.toLogical(*processes[i].endTs),
                              processes[i].exitcode);
    if (trace.deadlock()) {
        DeadlockReport report = *trace.deadlock();
        report.ts = clock.toLogical(report.ts);
        out.setDeadlock(std::move(report));
    }
    out.setOutcome(trace.outcome());
    return out;
}

} // namespace mpviz::trace
