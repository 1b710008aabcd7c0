#include "engine/step_gate.hpp"

#include <set>
#include <stdexcept>

namespace mpviz::engine {

namespace {
constexpr auto kStepSettle = std::chrono::milliseconds(15); // no event for this long: settled

Scheduler parsed(const std::string& schedule) {
    std::string error;
    auto s = Scheduler::parse(schedule, error);
    if (!s) throw std::invalid_argument(error);
    return std::move(*s);
}
} // namespace

StepGate::StepGate(bool step, const std::string& schedule, const std::string& afterSchedule,
                   int autoGrantLimit) {
    if (!schedule.empty()) {
        scheduler_ = parsed(schedule);
        step = true;
    }
    if (!afterSchedule.empty()) {
        after_ = parsed(afterSchedule);
        if (!scheduler_) autoGrantLimit = 0; // nothing to replay: a person steps
        if (autoGrantLimit == 0) scheduler_ = after_;
        replaying_ = autoGrantLimit > 0;
    }
    stepping_ = step;
    autoGrantsLeft_ = autoGrantLimit;
}

bool StepGate::setStepping(bool on) {
    if (on == stepping_.load()) return false;
    stepping_ = on;
    if (!on) {
        {
            std::lock_guard lock(mutex_);
            pending_.clear();
        }
        endReplay();
    }
    return true;
}

void StepGate::addIntent(PendingIntent intent) {
    intent.order = ++intentOrder_;
    std::lock_guard lock(mutex_);
    pending_.push_back(std::move(intent));
}

void StepGate::forgetProcess(int process) {
    std::lock_guard lock(mutex_);
    std::erase_if(pending_, [&](const PendingIntent& p) { return p.process == process; });
}

// `by`: the scheduler that chose it; every other one hears of the grant, so a person's
// click counts as a turn in round-robin, and the policy taking over after a replay
// continues as if it had made the replayed choices itself.
std::optional<PendingIntent> StepGate::grantAt(std::size_t i, const Scheduler* by) {
    PendingIntent chosen;
    {
        std::lock_guard lock(mutex_);
        if (i >= pending_.size()) return std::nullopt;
        chosen = pending_[i];
        pending_.erase(pending_.begin() + static_cast<std::ptrdiff_t>(i));
        grants_.push_back(chosen.name);
    }
    grantedProcesses_.push_back(chosen.process);
    if (scheduler_ && &*scheduler_ != by) scheduler_->observe(chosen.process);
    if (after_ && replaying()) after_->observe(chosen.process);
    noteActivity();
    return chosen;
}

std::optional<PendingIntent> StepGate::grantProcess(int process) {
    if (replaying()) return std::nullopt;
    std::optional<std::size_t> at;
    {
        std::lock_guard lock(mutex_);
        for (std::size_t i = 0; i < pending_.size(); ++i)
            if (pending_[i].process == process && (!at || pending_[i].order < pending_[*at].order))
                at = i;
    }
    return at ? grantAt(*at, nullptr) : std::nullopt;
}

std::optional<PendingIntent> StepGate::grantBySchedule(Scheduler& s) {
    const auto snapshot = pendingIntents();
    if (snapshot.empty()) return std::nullopt;
    return grantAt(s.choose(snapshot, creationOrder_), &s);
}

std::optional<PendingIntent> StepGate::step() {
    if (replaying()) return std::nullopt; // the replay grants by itself until it is done
    if (scheduler_) return grantBySchedule(*scheduler_);
    auto fifo = Scheduler::fifo();
    return grantBySchedule(fifo);
}

std::optional<PendingIntent> StepGate::autoGrant(const LiveProcesses& live) {
    if (!stepping_ || !scheduler_ || autoGrantsLeft_ == 0 || !settled(live)) return std::nullopt;
    auto granted = grantBySchedule(*scheduler_);
    if (autoGrantsLeft_ > 0 && --autoGrantsLeft_ == 0) endReplay();
    return granted;
}

bool StepGate::settled(const LiveProcesses& live) const {
    if (std::chrono::steady_clock::now() - lastActivity_ < kStepSettle) return false;
    if (live.starting) return false;
    std::set<int> waiting;
    {
        std::lock_guard lock(mutex_);
        if (pending_.empty()) return false;
        for (const auto& p : pending_)
            waiting.insert(p.process);
    }
    for (const auto& p : live.connected)
        if (!waiting.count(p.index) && !p.blocked) return false; // still running
    return true;
}

void StepGate::endReplay() {
    if (!replaying_) return;
    autoGrantsLeft_ = 0;
    if (after_) scheduler_ = after_; // it observed every replayed grant
    replaying_ = false;
}

void StepGate::setSchedule(Scheduler schedule) {
    auto observed = observedAll(std::move(schedule));
    if (replaying())
        after_ = std::move(observed); // the replay keeps its recorded steps; this follows
    else
        scheduler_ = std::move(observed);
}

Scheduler StepGate::observedAll(Scheduler s) const {
    for (int p : grantedProcesses_)
        s.observe(p);
    return s;
}

std::vector<PendingIntent> StepGate::pendingIntents() const {
    std::lock_guard lock(mutex_);
    return pending_;
}

std::vector<std::string> StepGate::grantLog() const {
    std::lock_guard lock(mutex_);
    return grants_;
}

} // namespace mpviz::engine
