#include "engine/scheduler.hpp"

#include <algorithm>
#include <tuple>

namespace mpviz::engine {

std::optional<Scheduler> Scheduler::parse(const std::string& text, std::string& error) {
    if (text == "fifo") return Scheduler(Policy::Fifo);
    if (text == "round-robin") return Scheduler(Policy::RoundRobin);
    if (text.rfind("random:", 0) == 0) {
        const auto digits = text.substr(7);
        if (digits.empty() || !std::all_of(digits.begin(), digits.end(), ::isdigit)) {
            error = "random:SEED takes a whole number (got '" + text + "')";
            return std::nullopt;
        }
        Scheduler s(Policy::Random);
        s.seed_ = std::stoull(digits);
        s.random_.seed(s.seed_);
        return s;
    }
    Scheduler s(Policy::List);
    std::size_t start = 0;
    for (;;) {
        const auto comma = text.find(',', start);
        auto name = text.substr(start, comma - start);
        if (!name.empty()) s.names_.push_back(std::move(name));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (s.names_.empty()) {
        error = "unknown schedule '" + text +
                "': use fifo, round-robin, random:SEED or a list of process names "
                "(MainProcess,Process-1,…)";
        return std::nullopt;
    }
    return s;
}

std::size_t Scheduler::choose(const std::vector<PendingIntent>& pending,
                              const std::vector<int>& creationOrder) {
    auto oldest = [&] {
        return static_cast<std::size_t>(
            std::min_element(pending.begin(), pending.end(),
                             [](const auto& a, const auto& b) { return a.order < b.order; }) -
            pending.begin());
    };
    switch (policy_) {
    case Policy::Fifo:
        return oldest();
    case Policy::RoundRobin: {
        // Rounds: each process one operation per round, in creation order; a process that
        // arrives late (a child just started) first catches up with the others. So two
        // workers started one after the other end up in step: read, read, write, write.
        std::optional<std::size_t> best;
        auto rank = [&](std::size_t i) {
            const int p = pending[i].process;
            const auto at = std::find(creationOrder.begin(), creationOrder.end(), p);
            return std::make_tuple(granted_[p], at - creationOrder.begin(), pending[i].thread);
        };
        for (std::size_t i = 0; i < pending.size(); ++i)
            if (!best || rank(i) < rank(*best)) best = i;
        ++granted_[pending[*best].process];
        return *best;
    }
    case Policy::Random: {
        // Choose among the waiting threads sorted by process name and thread, not by
        // arrival, so only the seed decides.
        std::vector<std::size_t> order(pending.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](auto a, auto b) {
            return std::tie(pending[a].name, pending[a].thread) <
                   std::tie(pending[b].name, pending[b].thread);
        });
        return order[random_() % order.size()];
    }
    case Policy::List:
        // The next listed name that is waiting (its lowest-numbered thread when several
        // wait); a name with nothing pending is passed over.
        for (std::size_t k = 0; k < names_.size(); ++k) {
            const auto& name = names_[(nextName_ + k) % names_.size()];
            std::optional<std::size_t> found;
            for (std::size_t i = 0; i < pending.size(); ++i)
                if (pending[i].name == name &&
                    (!found || pending[i].thread < pending[*found].thread))
                    found = i;
            if (found) {
                nextName_ = (nextName_ + k + 1) % names_.size();
                return *found;
            }
        }
        return oldest();
    }
    return oldest();
}

void Scheduler::observe(int process) {
    if (policy_ == Policy::RoundRobin) ++granted_[process];
    if (policy_ == Policy::Random) random_();
}

std::string Scheduler::describe() const {
    switch (policy_) {
    case Policy::Fifo:
        return "fifo";
    case Policy::RoundRobin:
        return "round-robin";
    case Policy::Random:
        return "random:" + std::to_string(seed_);
    case Policy::List: {
        std::string out;
        for (const auto& n : names_)
            out += (out.empty() ? "" : ",") + n;
        return out;
    }
    }
    return {};
}

} // namespace mpviz::engine
