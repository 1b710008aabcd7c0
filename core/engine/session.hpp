#pragma once
// A Session runs one scenario as real processes: it spawns the scenario's MainProcess,
// accepts every scenario process on a Unix socket in a private directory, records what
// they do into a SharedTrace, watches for deadlock and timeout, and cleans up after them.

#include "engine/python_program.hpp"
#include "engine/scheduler.hpp"
#include "trace/trace.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace mpviz::engine {

struct SessionOptions {
    std::string scenario;                      // scenario id, already validated
    std::map<std::string, std::string> params; // resolved, defaults filled in
    double speed = 1.0;                        // sleeps and timeouts are divided by this
    double timeout = 0.0;                      // wall seconds; 0 = none
    std::filesystem::path childExecutable;     // mpviz-child
    bool echoStdout = false;                   // let children's stdout reach ours
    // Step mode: every operation waits for a grant. With a schedule ("fifo", "round-robin",
    // "random:SEED", "NAME,NAME,…") the engine grants by itself whenever every live process
    // has announced its next operation or is blocked; without one, grant() / step() do.
    bool step = false;
    std::string schedule;
    int autoGrantLimit = -1; // with a schedule: stop granting by itself after this many
    // Once those are spent, step() chooses by this schedule instead (a replay of recorded
    // steps hands over to the policy the person stepping had picked). Without `schedule`,
    // nothing is granted by itself: step() and grant() do it all. Empty: keep `schedule`.
    std::string afterSchedule;
    // A real Python program runs as MainProcess instead of the scenario's C++ code.
    std::optional<PythonProgram> python;
};

class Session {
  public:
    explicit Session(SessionOptions options);
    ~Session(); // stops the run and cleans up if still going

    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Spawns MainProcess. Throws std::runtime_error with a clear message when it cannot.
    void start();
    // Kills every scenario process (the whole process group) and ends as "stopped".
    void stop();
    // Blocks until the run ended (completed, deadlock, timeout, stopped).
    trace::Outcome wait();
    bool wait_for(std::chrono::milliseconds timeout);
    bool finished() const;
    trace::Outcome outcome() const;

    std::shared_ptr<trace::SharedTrace> trace() const;
    // Called on the engine thread after each batch of events is recorded; keep it short.
    void setOnChange(std::function<void()> callback);

    // --- step mode (safe to call from any thread) ---
    void setStepMode(bool step); // switch at any time; run mode releases every waiting process
    bool stepMode() const;
    void grant(int processIndex); // let this process's pending operation go ahead
    void step();                  // grant one by the schedule (oldest first without one)
    // Replaces the schedule step() chooses by; does not grant by itself. Throws
    // std::invalid_argument with a clear message for a schedule that does not parse.
    void setSchedule(const std::string& schedule);
    std::vector<PendingIntent> pendingIntents() const;
    // Still granting the recorded steps of a replay (autoGrantLimit with afterSchedule):
    // step() and grant() are ignored until it is done.
    bool replaying() const;
    std::vector<std::string> grantLog() const; // process names, one per grant so far

    const SessionOptions& options() const;
    std::string sessionId() const;

    struct Impl;

  private:
    std::unique_ptr<Impl> impl_;
};

// Removes shared-memory objects and FIFO folders left behind by crashed sessions
// (those whose engine process no longer exists). Returns how many it removed.
int removeStaleSessions();

// Shared-memory object names of a session start with this; tests use it to check cleanup.
std::string shmPrefix(const std::string& sessionId);

} // namespace mpviz::engine
