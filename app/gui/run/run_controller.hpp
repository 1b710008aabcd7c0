#pragma once
// Runs a scenario for the window: owns the engine Session (real processes) or a trace
// opened from a file, and turns the engine thread's change notifications into at most one
// GUI update per frame. Destroying it, or shutdown(), stops and cleans up every process.

#include "engine/scheduler.hpp"
#include "trace/logical_time.hpp"
#include "trace/trace.hpp"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mpviz::engine {
class Session;
struct SessionOptions;
struct PythonProgram;
} // namespace mpviz::engine

namespace mpviz::gui {

// How a run starts in step mode. `replay` lists the process names of recorded grants; the
// engine grants the first `replaySteps` of them by itself, then `policy` decides whenever
// the person presses Step.
struct StepStart {
    bool step = false;
    std::string policy = "fifo"; // fifo, round-robin, random:SEED
    std::vector<std::string> replay;
    int replaySteps = 0;
};

class RunController : public QObject {
    Q_OBJECT
  public:
    explicit RunController(std::filesystem::path childExecutable, QObject* parent = nullptr);
    ~RunController() override;

    using StepStart = gui::StepStart;

    // Starts `scenario` as real processes. Returns an error message, empty on success.
    QString start(const std::string& scenario, const std::map<std::string, std::string>& params,
                  double speed, const StepStart& stepStart = {});
    // Runs a real Python program (its MainProcess is CPython with mpviz's shim). A positive
    // `timeLimit` (wall seconds) ends it as "timeout"; 0 lets it run until it ends or Stop.
    QString startProgram(const engine::PythonProgram& program, double speed, double timeLimit,
                         const StepStart& stepStart = {});
    // Kills the run's processes; the outcome becomes "stopped" (asynchronous: finished()
    // follows).
    void stop();
    // Stops and waits until every process of the run is gone. Used when the window closes.
    void shutdown();
    // Replays a saved trace: no process is started. Returns an error message or empty.
    QString open(const std::filesystem::path& file);
    QString save(const std::filesystem::path& file) const;
    // Stops any run and forgets the trace (another lesson was picked).
    void clear();

    // Pause freezes what the views show; the processes keep running and every event is
    // still recorded.
    void setPaused(bool paused);
    bool paused() const { return paused_; }

    // --- step mode: "you are the scheduler" (no-ops without a live run) ---
    void setStepMode(bool step); // run mode releases every waiting process
    bool stepMode() const;
    void step();                                  // grant one operation by the policy
    void grant(int process);                      // grant this process's pending operation
    QString setPolicy(const std::string& policy); // error message, empty on success
    std::vector<engine::PendingIntent> pendingIntents() const;
    std::vector<std::string> grantLog() const; // who was granted, in order
    bool replaying() const; // Step back still granting its recorded steps by itself
    // Every operation of this run so far went through a grant (step mode from its start,
    // never left): only then can Step back replay it faithfully.
    bool steppedThroughout() const { return session_ && steppedThroughout_; }

    // Logical time: trace() then shows the run with one column per step (logical_time.hpp);
    // rawTrace() is always the recorded one (saving, exporting the real clock).
    void setLogicalTime(bool on);
    bool logicalTime() const { return logicalTime_; }
    std::shared_ptr<trace::SharedTrace> rawTrace() const { return trace_; }

    bool isLive() const;           // a run is going on (not finished)
    bool hasSession() const;       // a run was started (live or finished); false for a file
    std::string sessionId() const; // names its /dev/shm objects and directory; empty: none
    bool hasTrace() const { return trace_ != nullptr; }
    std::shared_ptr<trace::SharedTrace> trace() const {
        return logicalTime_ && trace_ ? logical_ : trace_;
    }
    trace::Outcome outcome() const;
    // The live run's current time on the trace clock (frozen while paused); nullopt when
    // nothing is running.
    std::optional<std::int64_t> now() const;
    // Version of the trace the last frame() saw: views compare to skip needless work.
    std::uint64_t traceVersion() const;
    std::filesystem::path childExecutable() const { return childExecutable_; }

    static constexpr int kFrameMs = 16; // "now" moves once per frame (≈ 60 Hz)
    // New events get a frame of their own as soon as they arrive, but a stream of them no
    // more often than this: a quarter of a frame, so news that just missed one waits little.
    static constexpr int kNewsFrameGapMs = 4;

  Q_SIGNALS:
    void traceReplaced(); // a new run started or a file was opened
    // A new run's trace is in place (traceReplaced came) and its processes start as soon
    // as this returns: the moment to lay out and paint the window for it.
    void aboutToLaunch();
    void frame(); // once per frame while live: "now" moved, maybe new events
    void finished(trace::Outcome outcome);
    void pausedChanged(bool paused);
    void logicalRebuilt(); // the logical copy was made anew: cached layouts are stale

  private:
    QString startSession(engine::SessionOptions options, const StepStart& stepStart);
    void onEngineBatch(std::uint64_t generation);
    void onFrameTimer();
    void endSession();
    // Rebuilds the logical copy when the recorded trace changed: at most every 100 ms, and
    // no more than a sixth of the time on a big trace (it holds the trace's read lock).
    void syncLogical(bool force = false);

    std::filesystem::path childExecutable_;
    std::unique_ptr<engine::Session> session_;
    std::shared_ptr<trace::SharedTrace> trace_;
    // Superseded runs' notifications carry an old generation and are dropped.
    std::uint64_t generation_ = 0;
    // Set by the engine thread when a batch arrived; one queued call in flight at most.
    std::shared_ptr<std::atomic<bool>> pending_;
    QTimer frameTimer_;
    bool newsWaiting_ = false;    // events arrived that no frame showed yet
    QElapsedTimer lastNewsFrame_; // since the last frame that showed arrived events
    bool paused_ = false;
    std::int64_t pausedAt_ = 0;
    bool finishedEmitted_ = false;
    trace::Outcome fileOutcome_ = trace::Outcome::Completed;
    bool stepMode_ = false; // what we asked the engine for (it switches asynchronously)
    bool steppedThroughout_ = false;
    bool logicalTime_ = false;
    std::shared_ptr<trace::SharedTrace> logical_ = std::make_shared<trace::SharedTrace>();
    trace::LogicalClock logicalClock_;
    std::uint64_t logicalOf_ = 0; // version of trace_ the logical copy was made from
    QElapsedTimer logicalBuilt_;  // since the last rebuild
    qint64 logicalCostMs_ = 0;    // how long it took
};

} // namespace mpviz::gui
