#include "engine/run_outcome.hpp"

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

std::string runOutcome(const trace::TraceData& d) {
    std::string outcome(trace::outcomeName(d.outcome()));
    if (const auto& deadlock = d.deadlock()) {
        std::string cycle;
        for (int p : deadlock->cycle)
            cycle += (cycle.empty() ? "" : " → ") + d.processes()[p].name;
        return outcome + " (" + cycle + ")";
    }
    std::string left = lastPrintedLine(d);
    if (left.empty()) left = finalValues(d);
    return left.empty() ? outcome : outcome + ": " + left;
}

std::vector<OutcomeGroup> groupOutcomes(const std::vector<std::string>& outcomes) {
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
