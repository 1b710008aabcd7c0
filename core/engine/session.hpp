#pragma once
// A Session runs one scenario as real processes: it spawns the scenario's MainProcess,
// accepts every scenario process on a Unix socket in a private directory, records what
// they do into a SharedTrace, watches for deadlock and timeout, and cleans up after them.

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
