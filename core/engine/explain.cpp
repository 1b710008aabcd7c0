#include "engine/explain.hpp"

#include "engine/words.hpp"

#include <algorithm>
#include <cctype>

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

std::string nameOf(const trace::TraceData& t, int process, const Words& w) {
    return process >= 0 && process < static_cast<int>(t.processes().size())
               ? t.processes()[process].name
               : w(MPVIZ_TR_NOOP("explain", "another process"));
}

std::string objectName(const trace::TraceData& t, std::uint16_t object, const Words& w) {
    return object < t.objects().size() ? t.objects()[object].name
                                       : w(MPVIZ_TR_NOOP("explain", "it"));
}

// The process's last Blocked event on that operation up to `until` (its flush bytes, its
// pipe end).
const trace::Event* lastBlocked(const trace::TraceData& t, int process, Op op,
                                std::int64_t until = trace::Slice::kOpen) {
    const auto events = t.processEvents(process);
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        const auto& e = t.events()[*it];
        if (e.op == op && e.phase == Phase::Blocked && e.ts <= until) return &e;
    }
    return nullptr;
}

// A pipe is named after its two ends, as the program unpacks them ("parent_conn,
// child_conn"): a process waiting to send or receive waits at one of them. A pipe named
// otherwise is named whole.
std::string pipeEndName(const trace::TraceData& t, int process, std::uint16_t object, Op op,
                        std::int64_t until, const Words& w) {
    const std::string pipe = objectName(t, object, w);
    const auto comma = pipe.find(", ");
    const auto* blocked = lastBlocked(t, process, op, until);
    if (!blocked || comma == std::string::npos || pipe.find(", ", comma + 2) != std::string::npos)
        return pipe;
    return trace::pipeEnd(*blocked) == 0 ? pipe.substr(0, comma) : pipe.substr(comma + 2);
}

std::string clause(const trace::TraceData& t, const trace::DeadlockEdge& e, const Words& w) {
    const auto who = nameOf(t, e.from, w);
    const auto other = nameOf(t, e.to, w);
    const auto object = objectName(t, e.object, w);
    switch (e.op) {
    case Op::Join:
        return w(MPVIZ_TR_NOOP("explain", "%1 waits in join for %2"), {who, other});
    case Op::Flush: {
        const auto* blocked = lastBlocked(t, e.from, Op::Flush);
        const auto bytes = blocked ? blocked->value : 0;
        if (bytes)
            return w(MPVIZ_TR_NOOP("explain", "%1 cannot exit until its %3 queued bytes are "
                                              "read, and only %2 would read them"),
                     {who, other, withCommas(bytes)});
        return w(MPVIZ_TR_NOOP("explain", "%1 cannot exit until its queued bytes are read, "
                                          "and only %2 would read them"),
                 {who, other});
    }
    case Op::Acquire:
        return w(MPVIZ_TR_NOOP("explain", "%1 waits for %3, which %2 holds"), {who, other, object});
    case Op::Get:
        return w(MPVIZ_TR_NOOP("explain", "%1 waits for an item on %3, and only %2 could put one"),
                 {who, other, object});
    case Op::Put:
        return w(
            MPVIZ_TR_NOOP("explain", "%1 waits for room in %3, and only %2 could take an item"),
            {who, other, object});
    case Op::Recv:
        return w(
            MPVIZ_TR_NOOP("explain", "%1 waits for a message on %3, and only %2 could send one"),
            {who, other, pipeEndName(t, e.from, e.object, e.op, trace::Slice::kOpen, w)});
    case Op::Send:
        return w(MPVIZ_TR_NOOP("explain", "%1 waits for room in %3, and only %2 could read"),
                 {who, other, pipeEndName(t, e.from, e.object, e.op, trace::Slice::kOpen, w)});
    case Op::Wait:
        return w(MPVIZ_TR_NOOP("explain", "%1 waits for %3 to be set, and only %2 could set it"),
                 {who, other, object});
    case Op::QueueJoin:
        return w(MPVIZ_TR_NOOP("explain", "%1 waits in %3.join() for task_done() from %2"),
                 {who, other, object});
    default:
        return w(MPVIZ_TR_NOOP("explain", "%1 waits in %3 for %2"),
                 {who, other, std::string(trace::opName(e.op))});
    }
}

} // namespace

std::string explainDeadlock(const trace::TraceData& t, const Translate& translate) {
    const auto& report = t.deadlock();
    if (!report) return {};
    const Words w{translate, "explain"};
    // Follow the cycle in order: one clause per step, the last closing the loop.
    std::string out;
    const auto& cycle = report->cycle;
    for (std::size_t i = 0; i < cycle.size(); ++i) {
        const int from = cycle[i];
        const int to = cycle[(i + 1) % cycle.size()];
        const auto edge = std::find_if(report->edges.begin(), report->edges.end(),
                                       [&](const auto& e) { return e.from == from && e.to == to; });
        if (edge == report->edges.end()) continue;
        out += (out.empty() ? "" : w(MPVIZ_TR_NOOP("explain", "; "))) + clause(t, *edge, w);
    }
    if (out.empty()) {
        out = w(MPVIZ_TR_NOOP("explain", "every process is blocked and none can wake the others"));
    }
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return w(MPVIZ_TR_NOOP("explain", "%1."), {out});
}

std::string explainBlocked(const trace::TraceData& t, int process, std::int64_t at,
                           const Translate& translate) {
    const auto* slice = t.sliceAt(process, at);
    if (!slice || slice->state != trace::State::Blocked) return {};
    const Words w{translate, "explain"};
    const auto who = nameOf(t, process, w);
    const auto object = objectName(t, slice->object, w);
    const auto kind =
        slice->object < t.objects().size() ? t.objects()[slice->object].kind : ObjectKind::Lock;
    switch (slice->op) {
    case Op::Join:
        return w(MPVIZ_TR_NOOP("explain", "%1 is blocked: it waits for %2 to end"),
                 {who, nameOf(t, slice->peer, w)});
    case Op::Acquire:
        if (kind == ObjectKind::Semaphore)
            return w(
                MPVIZ_TR_NOOP("explain", "%1 is blocked: the semaphore %2 has no permits left"),
                {who, object});
        return w(MPVIZ_TR_NOOP("explain", "%1 is blocked: %2 is held by another process"),
                 {who, object});
    case Op::Get:
        return w(MPVIZ_TR_NOOP("explain", "%1 is blocked: %2 is empty"), {who, object});
    case Op::Put:
        return w(MPVIZ_TR_NOOP("explain", "%1 is blocked: %2 is full"), {who, object});
    case Op::Recv:
        return w(MPVIZ_TR_NOOP("explain", "%1 is blocked: nothing has been sent on %2 yet"),
                 {who, pipeEndName(t, process, slice->object, slice->op, at, w)});
    case Op::Send:
        return w(MPVIZ_TR_NOOP("explain", "%1 is blocked: %2's buffer is full"),
                 {who, pipeEndName(t, process, slice->object, slice->op, at, w)});
    case Op::Wait:
        return w(MPVIZ_TR_NOOP("explain", "%1 is blocked: it waits for %2 to be set"),
                 {who, object});
    case Op::QueueJoin:
        return w(MPVIZ_TR_NOOP("explain", "%1 is blocked: it waits until every item of %2 is done"),
                 {who, object});
    case Op::Flush:
        return w(MPVIZ_TR_NOOP("explain",
                               "%1 is blocked: its queued items have not all been read from %2"),
                 {who, object});
    default:
        return w(MPVIZ_TR_NOOP("explain", "%1 is blocked: %2 %3"),
                 {who, std::string(trace::opName(slice->op)), object});
    }
}

} // namespace mpviz::engine
