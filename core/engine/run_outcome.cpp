#include "engine/run_outcome.hpp"

#include "tr_noop.hpp"
#include "trace/shared_number.hpp"

#include <algorithm>

namespace mpviz::engine {

namespace {

std::string lastPrintedLine(const trace::TraceData& d) {
    const auto events = d.events();
    for (auto e = events.rbegin(); e != events.rend(); ++e)
        if (e->op == trace::Op::Print && e->phase == trace::Phase::Done)
            return std::string(d.text(e->text));
    return {};
}

std::string finalValues(const trace::TraceData& d) {
    std::string values;
    const auto objects = d.objects();
    for (std::size_t o = 0; o < objects.size(); ++o) {
        if (objects[o].kind != trace::ObjectKind::Value) continue;
        const auto samples = d.counter(static_cast<std::uint16_t>(o));
        if (samples.empty()) continue;
        values += (values.empty() ? "" : ", ") + objects[o].name + " = " +
                  trace::sharedNumberText(samples.back().value, objects[o].valueType);
    }
    return values;
}

} // namespace

RunOutcome runOutcome(const trace::TraceData& d) {
    RunOutcome outcome{d.outcome(), {}};
    if (const auto& deadlock = d.deadlock()) {
        for (int p : deadlock->cycle)
            outcome.detail += (outcome.detail.empty() ? "" : " → ") + d.processes()[p].name;
        return outcome;
    }
    outcome.detail = lastPrintedLine(d);
    if (outcome.detail.empty()) outcome.detail = finalValues(d);
    return outcome;
}

std::string outcomeText(const RunOutcome& outcome, const Translate& translate) {
    // trace::outcomeName's words, for lupdate.
    static constexpr const char* names[] = {
        MPVIZ_TR_NOOP("outcome", "running"), MPVIZ_TR_NOOP("outcome", "completed"),
        MPVIZ_TR_NOOP("outcome", "deadlock"), MPVIZ_TR_NOOP("outcome", "timeout"),
        MPVIZ_TR_NOOP("outcome", "stopped")};
    (void)names;
    const Words w{translate, "outcome"};
    const std::string how = w(std::string(trace::outcomeName(outcome.how)).c_str());
    if (outcome.detail.empty()) return how;
    if (outcome.how == trace::Outcome::Deadlock)
        return w(MPVIZ_TR_NOOP("outcome", "%1 (%2)"), {how, outcome.detail});
    return w(MPVIZ_TR_NOOP("outcome", "%1: %2"), {how, outcome.detail});
}

std::vector<OutcomeGroup> groupOutcomes(const std::vector<RunOutcome>& outcomes) {
    std::vector<OutcomeGroup> groups;
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        auto group = std::find_if(groups.begin(), groups.end(),
                                  [&](const OutcomeGroup& g) { return g.outcome == outcomes[i]; });
        if (group == groups.end()) group = groups.insert(groups.end(), {outcomes[i], {}});
        group->runs.push_back(static_cast<int>(i) + 1);
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const auto& a, const auto& b) { return a.runs.size() > b.runs.size(); });
    return groups;
}

} // namespace mpviz::engine
