#pragma once
// "Run N times": the lesson or program run again and again in the background, one run after
// the other, while the window's own run stays on screen. Each run is kept as a trace file
// (removed with the runner, or by the next start if mpviz is killed), so any one can be
// opened; outcomes are those `mpviz run --repeat` counts (engine::runOutcome).

#include "engine/cleanup.hpp"
#include "engine/run_outcome.hpp"
#include "engine/session.hpp"

#include <QObject>
#include <QTimer>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mpviz::gui {

struct RepeatPlan {
    engine::SessionOptions session; // what one run is (its schedule is set per run)
    int runs = 20;
    bool seedEachRun = true; // run i stepped by schedule random:i: any outcome replays
};

class RepeatRunner : public QObject {
    Q_OBJECT
  public:
    explicit RepeatRunner(QObject* parent = nullptr);
    ~RepeatRunner() override; // stops the run going on, removes the kept traces

    // Forgets earlier runs and starts the first of these. Returns an error message, empty
    // when the runs started.
    QString start(RepeatPlan plan);
    void cancel(); // stops the run going on; the runs done so far stay
    bool running() const { return session_ != nullptr; }

    int total() const { return plan_.runs; }
    int done() const { return static_cast<int>(outcomes_.size()); }
    const std::vector<engine::RunOutcome>& outcomes() const { return outcomes_; }
    std::vector<engine::OutcomeGroup> groups() const { return engine::groupOutcomes(outcomes_); }
    bool seeded() const { return plan_.seedEachRun; }
    std::filesystem::path traceOf(int run) const; // run: 1-based, one of done()

  Q_SIGNALS:
    void progressed(int done, int total);
    void finished(bool cancelled, const QString& error);

  private:
    void startNext();
    void poll();
    void endAll(bool cancelled, const QString& error);
    std::filesystem::path fileOf(int run) const; // where run `run`'s trace is kept

    RepeatPlan plan_;
    std::vector<engine::RunOutcome> outcomes_;
    std::unique_ptr<engine::Session> session_;
    std::optional<engine::OwnTempDir> dir_;
    QTimer poll_;
};

} // namespace mpviz::gui
