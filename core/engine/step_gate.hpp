#pragma once
// Step mode's bookkeeping: the operations processes announced and wait to be granted (one
// per thread: several threads of one process may wait at once), the grants made so far,
// the schedule that chooses, and a replay of recorded grants. It makes decisions only;
// the Session delivers each grant to the process and tells the views.
//
// Threads: pendingIntents(), grantLog(), stepping() and replaying() may be called from any
// thread; everything else runs on the engine thread.

#include "engine/process_table.hpp"
#include "engine/scheduler.hpp"

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace mpviz::engine {

class StepGate {
  public:
    // `schedule`: grant by itself by this policy ("" = only by step() and grant()), for
    // `autoGrantLimit` grants (-1 = always); then hand over to `afterSchedule` (a replay of
    // recorded steps continuing with the policy the person stepping had picked). Throws
    // std::invalid_argument with a clear message for a schedule that does not parse.
    StepGate(bool step, const std::string& schedule, const std::string& afterSchedule,
             int autoGrantLimit);

    bool stepping() const { return stepping_; }
    // Returns whether the mode changed. Run mode forgets every intent (the processes
    // release them themselves) and ends a replay: what was replayed stands.
    bool setStepping(bool on);

    void processAppeared(int process) { creationOrder_.push_back(process); }
    void addIntent(PendingIntent intent); // its `order` is assigned here
    void forgetProcess(int process);      // it ended: its intents will never be granted
    void noteActivity() { lastActivity_ = std::chrono::steady_clock::now(); }

    // Each returns the intent granted, if any; the caller delivers it.
    std::optional<PendingIntent> grantProcess(int process); // its oldest intent
    std::optional<PendingIntent> step(); // by the schedule (oldest first without one)
    // With a schedule, grants once everything has settled: each live process waits for a
    // grant or is blocked, nobody is about to say hello, and no event arrived for a moment
    // (a woken process has had time to report). That is what makes the same schedule give
    // the same interleaving.
    std::optional<PendingIntent> autoGrant(const LiveProcesses& live);

    // Replaces the schedule step() chooses by (a replay keeps granting its recorded steps
    // first). It continues as if it had made every grant so far: the same history then
    // always leads to the same next choice, replayed or not.
    void setSchedule(Scheduler schedule);

    // A replay grants recorded steps by itself; step() and grantProcess() do nothing
    // meanwhile, or the recorded order would be lost.
    bool replaying() const { return replaying_; }
    std::vector<PendingIntent> pendingIntents() const;
    std::vector<std::string> grantLog() const; // process names, one per grant so far

  private:
    std::optional<PendingIntent> grantAt(std::size_t i, const Scheduler* by);
    std::optional<PendingIntent> grantBySchedule(Scheduler& s);
    bool settled(const LiveProcesses& live) const;
    void endReplay();
    Scheduler observedAll(Scheduler s) const;

    std::atomic<bool> stepping_{false};
    std::atomic<bool> replaying_{false};
    std::optional<Scheduler> scheduler_;
    std::optional<Scheduler> after_; // afterSchedule, parsed
    int autoGrantsLeft_ = -1;
    std::uint64_t intentOrder_ = 0;
    std::vector<int> creationOrder_;
    std::vector<int> grantedProcesses_; // every grant so far, by process index
    std::chrono::steady_clock::time_point lastActivity_ = std::chrono::steady_clock::now();

    mutable std::mutex mutex_; // guards pending_ and grants_
    std::vector<PendingIntent> pending_;
    std::vector<std::string> grants_;
};

} // namespace mpviz::engine
