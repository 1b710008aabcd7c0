#pragma once
// Step mode, "you are the scheduler": every operation of every real process waits until the
// person at the keyboard lets it go ahead, by policy (→), by clicking a pending operation on
// its lane, or by running the selected process to its next event (Shift+→). "Step back"
// re-runs the real processes and replays the recorded grants but the last.
//
// StepController owns the step actions, the policy and the state of a stepped run (the
// process Shift+→ is heading for, the replay's target); the window places the actions and
// the policy box, and restarts the run when a replay asks for it.

#include "gui/run/run_controller.hpp"

#include <QObject>
#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

class QAction;
class QComboBox;
class QWidget;

namespace mpviz::gui {

class TimelineView;
class ViewState;

struct StepActions {
    QAction* mode;        // Ctrl+T: step mode on or off, before or during a run
    QAction* step;        // →: grant the operation the policy picks
    QAction* stepProcess; // Shift+→: run the selected event's process to its next step
    QAction* runToEnd;    // F5: leave step mode
    QAction* stepBack;    // Ctrl+Z: replay every step but the last
    QAction* replaySteps; // Ctrl+Shift+Z: replay the first N steps
    QAction* logicalTime; // Ctrl+L: one column per step
};

class StepController : public QObject {
    Q_OBJECT
  public:
    // The actions are added to `window`, so that their shortcuts work with hidden bars.
    StepController(RunController* run, ViewState* view, TimelineView* timeline, QWidget* window);

    const StepActions& actions() const { return actions_; }
    QComboBox* policyBox() const { return policy_; }

    bool setPolicy(const QString& policy); // fifo, round-robin, random:SEED
    std::string policy() const;
    StepStart nextStart() const; // how the next run starts: step mode or not, the policy
    // Before a run: how the next one starts; during: switch now.
    void setStepMode(bool on);
    // The shown run can be started again (a lesson or a program, not an opened file):
    // Step back and Replay need that.
    void setReplayable(bool replayable);
    void forgetTarget(); // a new run, or the run ended: Shift+→ stops heading anywhere
    void updateActions();
    // Once per frame: the ghosted chips of the waiting operations, and Shift+→'s next move.
    void refreshPending();
    // Step mode: each process that waits for a grant, and what it announced ("acquire sem").
    std::map<int, std::string> waitingOperations() const;
    QString caption() const; // "Waiting for you: Process-1 to acquire lock, …"
    QString status() const;  // "Stepping: 3 granted, 2 waiting"

  Q_SIGNALS:
    void message(const QString& text, int milliseconds);
    void modeChanged();                           // the window's actions need updating
    void replayRequested(const StepStart& start); // restart the shown run with this start

  private:
    void createActions(QWidget* window);
    void connectParts();
    void stepSelectedProcess();
    void stepTowardsProcess();
    void stepBack();
    void chooseStepsToReplay();
    std::optional<std::vector<std::string>> replayableLog(); // says why not, in a message
    void replayFirstSteps(std::vector<std::string> log, int steps);

    RunController* run_;
    ViewState* view_;
    TimelineView* timeline_;
    QWidget* window_;
    StepActions actions_{};
    QComboBox* policy_ = nullptr;
    bool replayable_ = false;
    std::optional<int> runToProcess_; // Shift+→: grant until this process steps
    int runToBudget_ = 0;
    std::uint64_t versionSeen_ = 0;
    bool wasReplaying_ = false;
    int replayTarget_ = 0; // Step back: how many recorded grants the replay makes
};

} // namespace mpviz::gui
