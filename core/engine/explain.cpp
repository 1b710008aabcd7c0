#include "engine/explain.hpp"

#include "tr_noop.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>

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

// English, or the translation the window hands in (MPVIZ_TR_NOOP marks the patterns).
struct Words {
    const Translate& translate;
    std::string operator()(const char* pattern) const {
        return translate ? translate(pattern) : std::string(pattern);
    }
};

// The pattern with %1, %2, %3 replaced, in one pass (an argument may contain "%2").
std::string fill(const std::string& pattern, std::initializer_list<std::string> args) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
            pattern[i + 1] <= '9') {
            const auto n = static_cast<std::size_t>(pattern[i + 1] - '1');
            if (n < args.size()) {
                out += *(args.begin() + n);
                ++i;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

std::string nameOf(const trace::TraceData& t, int process,
                   const std::string& unknown = "another process") {
    return process >= 0 && process < static_cast<int>(t.processes().size())
               ? t.processes()[process].name
               : unknown;
}

std::string objectName(const trace::TraceData& t, std::uint16_t object,
                       const std::string& unknown = "it") {
    return object < t.objects().size() ? t.objects()[object].name : unknown;
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

std::string clause(const trace::TraceData& t, const trace::DeadlockEdge& e, const Words& w) {
    const auto who = nameOf(t, e.from, w(MPVIZ_TR_NOOP("explain", "another process")));
    const auto other = nameOf(t, e.to, w(MPVIZ_TR_NOOP("explain", "another process")));
    const auto object = objectName(t, e.object, w(MPVIZ_TR_NOOP("explain", "it")));
    switch (e.op) {
    case Op::Join:
        return fill(w(MPVIZ_TR_NOOP("explain", "%1 waits in join for %2")), {who, other});
    case Op::Flush: {
        const auto bytes = blockedValue(t, e.from, Op::Flush);
        if (bytes)
            return fill(w(MPVIZ_TR_NOOP("explain", "%1 cannot exit until its %3 queued bytes are "
                                                   "read, and only %2 would read them")),
                        {who, other, withCommas(bytes)});
        return fill(w(MPVIZ_TR_NOOP("explain", "%1 cannot exit until its queued bytes are read, "
                                               "and only %2 would read them")),
                    {who, other});
    }
    case Op::Acquire:
        return fill(w(MPVIZ_TR_NOOP("explain", "%1 waits for %3, which %2 holds")),
                    {who, other, object});
    case Op::Get:
        return fill(
            w(MPVIZ_TR_NOOP("explain", "%1 waits for an item on %3, and only %2 could put one")),
            {who, other, object});
    case Op::Put:
        return fill(
            w(MPVIZ_TR_NOOP("explain", "%1 waits for room in %3, and only %2 could take an item")),
            {who, other, object});
    case Op::Recv:
        return fill(
            w(MPVIZ_TR_NOOP("explain", "%1 waits for a message on %3, and only %2 could send one")),
            {who, other, object});
    case Op::Send:
        return fill(w(MPVIZ_TR_NOOP("explain", "%1 waits for room in %3, and only %2 could read")),
                    {who, other, object});
    case Op::Wait:
        return fill(
            w(MPVIZ_TR_NOOP("explain", "%1 waits for %3 to be set, and only %2 could set it")),
            {who, other, object});
    case Op::QueueJoin:
        return fill(w(MPVIZ_TR_NOOP("explain", "%1 waits in %3.join() for task_done() from %2")),
                    {who, other, object});
    default:
        return fill(w(MPVIZ_TR_NOOP("explain", "%1 waits in %3 for %2")),
                    {who, other, std::string(trace::opName(e.op))});
    }
}

} // namespace

std::string explainDeadlock(const trace::TraceData& t, const Translate& translate) {
    const auto& report = t.deadlock();
    if (!report) return {};
    const Words w{translate};
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
    return fill(w(MPVIZ_TR_NOOP("explain", "%1.")), {out});
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
