#pragma once
// "You are the scheduler": which pending operation goes next in step mode. The same
// schedule over the same program always picks the same sequence.

#include "trace/event.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace mpviz::engine {

// An operation a process announced and is waiting to be granted.
struct PendingIntent {
    int process = -1;         // trace process index
    std::uint32_t thread = 0; // which of its threads waits (0 = its main thread)
    std::string name;         // the process's name
    trace::Op op = trace::Op::Print;
    std::uint16_t object = trace::kNoObject;
    std::int64_t value = 0;
    std::int64_t ts = 0;
    std::uint64_t order = 0; // arrival order at the engine
};

class Scheduler {
  public:
    enum class Policy { Fifo, RoundRobin, Random, List };

    // "fifo", "round-robin", "random:SEED", or "NAME,NAME,…". Nothing and a message on error.
    static std::optional<Scheduler> parse(const std::string& text, std::string& error);
    static Scheduler fifo() { return Scheduler(Policy::Fifo); }

    // Index into `pending` of the next to grant (pending is not empty). `creationOrder` lists
    // process indices in the order they appeared, for round-robin.
    std::size_t choose(const std::vector<PendingIntent>& pending,
                       const std::vector<int>& creationOrder);

    // A grant this scheduler did not choose (a click, a replayed step): round-robin counts
    // the turn, random draws as if it had chosen, so what follows stays reproducible.
    void observe(int process);

    Policy policy() const { return policy_; }
    // A list schedule's process names, as given; empty for the other policies.
    const std::vector<std::string>& names() const { return names_; }
    std::string describe() const;

  private:
    explicit Scheduler(Policy p) : policy_(p) {}
    Policy policy_;
    std::mt19937_64 random_;
    std::uint64_t seed_ = 0;
    std::vector<std::string> names_;
    std::size_t nextName_ = 0;
    std::map<int, int> granted_; // round-robin: operations granted per process
};

} // namespace mpviz::engine
