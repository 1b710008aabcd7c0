#include "engine/explain.hpp"

#include <algorithm>

namespace mpviz::engine {

using trace::ObjectKind;
using trace::Op;
using trace::Phase;

namespace {

std::string withCommas(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(i, ",");
    return (n < 0 ? "-" : "") + digits;
}

std::string nameOf(const trace::TraceData& t, int process) {
    return process >= 0 && process < static_cast<int>(t.processes().size())
               ? t.processes()[process].name
               : "another process";
}

std::string objectName(const trace::TraceData& t, std::uint16_t object) {
    return object < t.objects().size() ? t.objects()[object].name : "it";
}

// The value of the process's last Blocked event on that operation (e.g. flush bytes).
std::int64_t blockedValue(const trace::TraceData& t, int process, Op op) {
    const auto events = t.processEvents(process);
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        const auto& e = t.events()[*it];
        if (e.op == op && e.phase == Phase::Blocked) return e.value;
    }
    return 0;
}

std::string clause(const trace::TraceData& t, const trace::DeadlockEdge& e) {
    const auto who = nameOf(t, e.from);
    const auto other = nameOf(t, e.to);
    const auto object = objectName(t, e.object);
    switch (e.op) {
    case Op::Join:
        return who + " waits in join for " + other;
    case Op::Flush: {
        const auto bytes = blockedValue(t, e.from, Op::Flush);
        return who + " cannot exit until its " + (bytes ? withCommas(bytes) + " " : "") +
               "queued bytes are read, and only " + other + " would read them";
    }
    case Op::Acquire:
        return who + " waits for " + object + ", which " + other + " holds";
    case Op::Get:
        return who + " waits for an item on " + object + ", and only " + other + " could put one";
    case Op::Put:
        return who + " waits for room in " + object + ", and only " + other + " could take an item";
    case Op::Recv:
        return who + " waits for a message on " + object + ", and only " + other +
               " could send one";
    case Op::Send:
        return who + " waits for room in " + object + ", and only " + other + " could read";
    case Op::Wait:
        return who + " waits for " + object + " to be set, and only " + other + " could set it";
    case Op::QueueJoin:
        return who + " waits in " + object + ".join() for task_done() from " + other;
    default:
        return who + " waits in " + std::string(trace::opName(e.op)) + " for " + other;
    }
}

} // namespace

std::string explainDeadlock(const trace::TraceData& t) {
    const auto& report = t.deadlock();
    if (!report) return {};
    // Follow the cycle in order: one clause per step, the last closing the loop.
    std::string out;
    const auto& cycle = report->cycle;
    for (std::size_t i = 0; i < cycle.size(); ++i) {
        const int from = cycle[i];
        const int to = cycle[(i + 1) % cycle.size()];
        const auto edge = std::find_if(report->edges.begin(), report->edges.end(),
                                       [&](const auto& e) { return e.from == from && e.to == to; });
        if (edge == report->edges.end()) continue;
        out += (out.empty() ? "" : "; ") + clause(t, *edge);
    }
    if (out.empty()) {
        out = "every process is blocked and none can wake the others";
    }
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out + ".";
}

std::string explainBlocked(const trace::TraceData& t, int process, std::int64_t at) {
    const auto* slice = t.sliceAt(process, at);
    if (!slice || slice->state != trace::State::Blocked) return {};
    const auto who = nameOf(t, process) + " is blocked: ";
    const auto object = objectName(t, slice->object);
    const auto kind =
        slice->object < t.objects().size() ? t.objects()[slice->object].kind : ObjectKind::Lock;
    switch (slice->op) {
    case Op::Join:
        return who + "it waits for " + nameOf(t, slice->peer) + " to end";
    case Op::Acquire:
        if (kind == ObjectKind::Semaphore)
            return who + "the semaphore " + object + " has no permits left";
        return who + object + " is held by another process";
    case Op::Get:
        return who + object + " is empty";
    case Op::Put:
        return who + object + " is full";
    case Op::Recv:
        return who + "nothing has been sent on " + object + " yet";
    case Op::Send:
        return who + object + "'s buffer is full";
    case Op::Wait:
        return who + "it waits for " + object + " to be set";
    case Op::QueueJoin:
        return who + "it waits until every item of " + object + " is done";
    case Op::Flush:
        return who + "its queued items have not all been read from " + object;
    default:
        return who + std::string(trace::opName(slice->op)) + " " + object;
    }
}

} // namespace mpviz::engine
