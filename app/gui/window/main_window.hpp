#pragma once
// The main window: the lesson picker, the toolbar, the timeline in the middle, and docks
// for the shared state, the code and the log. It wires the parts together; each part only
// listens to the shared ViewState and to the RunController.

#include "gui/program/open_program.hpp"
#include "gui/program/python2_dialog.hpp"
#include "gui/run/code_locator.hpp"
#include "gui/run/run_controller.hpp"
#include "gui/step/step_controller.hpp"
#include "gui/window/export_dialog.hpp"
#include "gui/window/theme.hpp"
#include "gui/window/window_actions.hpp"
#include "trace/trace.hpp"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;

namespace mpviz::gui {

class CaptionBar;
class CodeView;
class DeadlockBanner;
class LogView;
class ProgramPanel;
class RepeatDialog;
class ScenarioPanel;
class SettingsStore;
class SpeedControl;
class StateView;
class TimelineView;
class ViewState;

struct WindowOptions {
    std::filesystem::path childExecutable; // mpviz-child
    QString settingsFile;                  // empty: the user's settings
    bool restoreSettings = true;           // false: defaults (tests, screenshots)
};

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    // During a live run the views beside the timeline (cards, process list, log, code
    // markers, status) refresh at most this often; the timeline shows news at once.
    static constexpr int kLiveViewsGapMs = 33;

    explicit MainWindow(WindowOptions options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // --- what the toolbar and menus do, callable from the command line and tests ---
    bool selectScenario(const QString& id);
    void setParameters(const std::map<std::string, std::string>& values);
    void setSpeed(double speed);             // as if the person chose it: remembered
    void setSpeedForThisStart(double speed); // the command line's: not remembered
    // As the person left it last time; the first time, maximized on the screen's free area.
    void showForThisStart();
    void setTheme(Theme theme);
    Theme theme() const { return theme_; }
    // The height the code panel keeps when the lanes need room: a few lines of the listing.
    int leastCodePanelHeight() const;
    void setStepMode(bool on); // before a run: how the next one starts; during: switch now
    bool setStepPolicy(const QString& policy); // fifo, round-robin, random:SEED as listed
    void setPresentationMode(bool on);
    bool presentationMode() const { return presentation_; }
    QString openTrace(const QString& file); // returns an error message, empty on success
    QString saveTrace(const QString& file);
    QString exportTimeline(const ExportRequest& request);

    // --- Python programs (main_window_program.cpp) ---
    // Opens a program instead of a lesson: its code, its name, whether it can run (the
    // problem is shown, and returned; empty when it can run). Remembered in File ▸ Recent.
    // Does not run it: Run does.
    QString openProgram(const QString& file);
    void closeProgram(); // back to the lessons
    bool programOpen() const { return program_.has_value(); }
    // Arguments (as in a shell), start method ("" = the program's own) and interpreter
    // ("" = as it was) of the next run.
    void setProgramOptions(const QString& arguments, const QString& startMethod,
                           const QString& interpreter = {});
    ProgramPanel* programPanel() const { return programPanel_; }
    QMenu* recentProgramsMenu() const { return recentMenu_; }
    Python2Dialog* python2Dialog() const { return python2Dialog_; } // while offered

    // --- the parts (tests look inside) ---
    const WindowActions& actions() const { return actions_; }
    const StepActions& stepActions() const { return step_->actions(); }
    StepController* stepController() const { return step_; }
    RepeatDialog* repeatDialog() const { return repeatDialog_; } // once Run N times was opened
    void showRepeatDialog();
    RunController* controller() const { return controller_; }
    ViewState* viewState() const { return view_; }
    TimelineView* timeline() const { return timeline_; }
    StateView* stateView() const { return stateView_; }
    CodeView* codeView() const { return codeView_; }
    LogView* logView() const { return logView_; }
    ScenarioPanel* scenarioPanel() const { return scenarioPanel_; }
    DeadlockBanner* deadlockBanner() const { return banner_; }
    CaptionBar* captionBar() const { return caption_; }
    SpeedControl* speedControl() const { return speed_; }
    QString statusText() const; // the status bar's fields, joined
    // Brings the state view, log, code markers and status up to the trace now (the window
    // does it once per frame by itself).
    void refreshViews();
    // The SharedTrace::version() the views were last refreshed from: when the trace still
    // has it, what they show is exactly what the trace says.
    std::uint64_t shownTraceVersion() const { return refreshedVersion_; }
    // Step mode: who waited for a grant, and for what, when the views were last refreshed.
    const std::map<int, std::string>& shownWaiting() const { return refreshedWaiting_; }

  protected:
    void resizeEvent(QResizeEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override; // a .py or a trace file
    void dropEvent(QDropEvent* event) override;

  private:
    // main_window.cpp: building the window
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createStatusBar();
    void connectParts();
    void createStepParts();
    void connectStepParts();

    // main_window_run.cpp: running and showing a run
    void run();
    void startRun(const scenarios::Scenario* scenario, std::map<std::string, std::string> params,
                  const RunController::StepStart& step);
    void reportStart(const QString& what, const QString& error,
                     const RunController::StepStart& step);
    void togglePause(bool paused);
    void stop();
    void restart();
    void onTraceReplaced();
    void readyForLaunch();
    // Lays out and paints every pending update at once (not at the event loop's leisure).
    void paintPendingNow();
    void onFrame();
    void onFinished(trace::Outcome outcome);
    void scheduleRefresh();
    void refreshScheduled();
    // The code and log panels give the lanes the height they lack, down to
    // leastCodePanelHeight(): lanes that could all be seen are not hidden behind a scrollbar.
    // On a new lane or track and when the window is resized, not when the person drags the
    // panels' edge.
    void fitLanes();
    void updateActions();
    void onEventActivated(std::uint32_t event);
    void onSelectionChanged();
    void onScenarioPicked(const QString& id);
    void fixAndRun();
    QString fixParameter() const;
    void clearRun();
    // Run N times: what one run of the lesson or program is, with the panel's settings now.
    std::optional<engine::SessionOptions> repeatedRun(QString& why);
    // The code panel: `lesson`'s listing with the parameter values `params` (the run on
    // screen's, or the picker's while nothing ran).
    void showListing(const scenarios::Scenario* lesson,
                     const std::map<std::string, std::string>& params);

    // main_window_program.cpp: Python programs
    void createProgramActions();
    void adoptProgram(const QString& file); // show it as the open program; no check, no run
    void showLessonPanel();                 // forget the open program, show the picker
    bool recheckProgram();                  // re-reads the file; false: it cannot run
    void showProgramProblem();
    void offerPython2Conversion();
    void runProgram(const RunController::StepStart& step);
    void startProgramRun(const engine::PythonProgram& program, double timeLimit,
                         const RunController::StepStart& step);
    void showProgramInViews(); // code panel, caption and title for the open program
    void saveProgramSettings();
    void rebuildRecentPrograms();
    void showOpenProgramDialog();
    QString runName() const; // "queue", "workers": default names of saved files

    // main_window_view.cpp: look, files, settings
    void applyStyleToParts();
    void showExportDialog();
    void showOpenDialog();
    void showSaveDialog();
    void showAbout();
    void loadSettings();
    void saveSettings();

    WindowOptions options_;
    std::unique_ptr<SettingsStore> settings_;
    RunController* controller_;
    WindowActions actions_{};
    StepController* step_ = nullptr;
    RepeatDialog* repeatDialog_ = nullptr;
    ViewState* view_;
    TimelineView* timeline_;
    StateView* stateView_;
    CodeView* codeView_;
    LogView* logView_;
    ScenarioPanel* scenarioPanel_;
    ProgramPanel* programPanel_ = nullptr;
    QStackedWidget* lessonStack_ = nullptr; // the lesson picker, or the open program
    QMenu* recentMenu_ = nullptr;
    QPointer<Python2Dialog> python2Dialog_;
    DeadlockBanner* banner_;
    CaptionBar* caption_;
    SpeedControl* speed_;
    QDockWidget* scenarioDock_ = nullptr;
    QDockWidget* stateDock_ = nullptr;
    QDockWidget* codeDock_ = nullptr;
    QDockWidget* logDock_ = nullptr;
    QLabel* outcomeLabel_ = nullptr;
    QLabel* aliveLabel_ = nullptr;
    QLabel* eventsLabel_ = nullptr;
    QLabel* elapsedLabel_ = nullptr;

    // The lesson the shown trace belongs to (not necessarily the picker's while idle).
    const scenarios::Scenario* traceScenario_ = nullptr;
    std::map<std::string, std::string> traceParams_;
    std::optional<OpenProgram> program_;                // the open program, instead of a lesson
    std::optional<engine::PythonProgram> traceProgram_; // the program the shown run ran
    double traceTimeLimit_ = 0;
    CodeLocator locator_;
    std::int64_t runStartedAt_ = 0; // the view's t = 0 until the first process appears
    QTimer refreshTimer_;           // single shot: refreshScheduled()
    QElapsedTimer liveViewsShown_;  // since the views beside the timeline last showed a live run
    std::uint64_t refreshedVersion_ = 0;
    std::optional<std::int64_t> refreshedCursor_;
    std::map<int, std::string> refreshedWaiting_; // step mode: who waited for a grant
    Theme theme_ = Theme::Light;
    bool presentation_ = false;
    bool geometryRestored_ = false;
    bool rememberSpeed_ = true;       // false while the speed is the command line's
    bool applyingStartSpeed_ = false; // setSpeedForThisStart is moving the slider
    QByteArray statePresentation_;    // dock layout before presentation mode
    bool wasMaximized_ = false;
    QRect normalGeometry_;
    QFont normalFont_;
    QString lastExportFile_;
    bool loadingTrace_ = false;
};

} // namespace mpviz::gui
