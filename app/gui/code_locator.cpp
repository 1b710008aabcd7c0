#include "gui/code_locator.hpp"

#include "scenario.hpp"

#include <algorithm>
#include <filesystem>

namespace mpviz::gui {

namespace {
std::string normalized(std::string name) {
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

int hintLine(const scenarios::Scenario& s, const std::string& key) {
    for (const auto& [k, line] : s.lineOfOp)
        if (k == key) return line;
    return 0;
}
} // namespace

CodeLocator::CodeLocator(const scenarios::Scenario* scenario) : scenario_(scenario) {
    if (!scenario_) return;
    for (const auto& [key, line] : scenario_->lineOfOp) {
        const std::string target = key.substr(0, key.find(':'));
        if (std::find(targets_.begin(), targets_.end(), target) == targets_.end())
            targets_.push_back(target);
    }
}

std::string CodeLocator::targetOf(const trace::TraceData& d, int process) const {
    if (!scenario_ || process < 0 || static_cast<std::size_t>(process) >= d.processes().size())
        return {};
    const auto& info = d.processes()[process];
    if (info.parent < 0) return "main";
    const std::string name = normalized(info.name);
    for (const auto& t : targets_)
        if (t != "main" && t == name) return t;
    if (cache_.size() <= static_cast<std::size_t>(process)) cache_.resize(process + 1);
    ProcessOps& c = cache_[process];
    const auto events = d.processEvents(process);
    if (c.trace != &d || c.scanned > events.size()) {
        c = ProcessOps();
        c.trace = &d;
    }
    bool grew = false;
    for (; c.scanned < events.size(); ++c.scanned)
        grew |= c.ops.insert(d.events()[events[c.scanned]].op).second;
    if (!grew && c.scanned > 0) return c.target;
    // Score each target by how many of the process's operations it has hints for.
    std::string best;
    int bestScore = 0;
    for (const auto& t : targets_) {
        if (t == "main") continue;
        int score = 0;
        for (const auto op : c.ops)
            if (hintLine(*scenario_, t + ":" + std::string(trace::opName(op))) > 0) ++score;
        if (score > bestScore) {
            bestScore = score;
            best = t;
        }
    }
    c.target = best;
    return best;
}

CodeLocator CodeLocator::forProgram(std::string fileName) {
    CodeLocator locator;
    locator.programFile_ = std::move(fileName);
    return locator;
}

int CodeLocator::lineOf(const trace::TraceData& d, std::uint32_t event) const {
    if (event >= d.events().size()) return 0;
    if (!programFile_.empty()) {
        const auto spot = d.sourceOf(event);
        if (spot.line == 0) return 0;
        const auto file = std::filesystem::path(std::string(d.text(spot.file))).filename();
        return file == programFile_ ? static_cast<int>(spot.line) : 0;
    }
    if (!scenario_) return 0;
    const auto& e = d.events()[event];
    const std::string op(trace::opName(e.op));
    if (const auto target = targetOf(d, e.process); !target.empty())
        if (int line = hintLine(*scenario_, target + ":" + op)) return line;
    // No target matched: a hint for this operation that is unique across targets is safe.
    int found = 0, count = 0;
    for (const auto& [key, line] : scenario_->lineOfOp) {
        if (key.size() > op.size() && key.compare(key.size() - op.size(), op.size(), op) == 0 &&
            key[key.size() - op.size() - 1] == ':') {
            found = line;
            ++count;
        }
    }
    return count == 1 ? found : 0;
}

} // namespace mpviz::gui
