// Building the main window: actions, menus, toolbar, docks, status bar, wiring.

#include "gui/main_window.hpp"

#include "gui/help_dialogs.hpp"

#include "gui/caption_bar.hpp"
#include "gui/code_view.hpp"
#include "gui/deadlock_banner.hpp"
#include "gui/log_view.hpp"
#include "gui/program_panel.hpp"
#include "gui/run_controller.hpp"
#include "gui/scenario_panel.hpp"
#include "gui/settings_store.hpp"
#include "gui/speed_control.hpp"
#include "gui/state_view.hpp"
#include "gui/timeline_view.hpp"
#include "gui/view_state.hpp"
#include "scenario.hpp"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

// The icons and the user guide live in a static library: nothing would pull their resource
// objects into the executable without this explicit initialisation (it must sit outside any
// namespace).
static void initResources() {
    Q_INIT_RESOURCE(mpviz);
    Q_INIT_RESOURCE(user_guide);
}

namespace mpviz::gui {

MainWindow::MainWindow(WindowOptions options, QWidget* parent)
    : QMainWindow(parent), options_(std::move(options)) {
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("mpviz"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/mpviz.svg")));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    settings_ = std::make_unique<SettingsStore>(options_.settingsFile);
    normalFont_ = font();

    controller_ = new RunController(options_.childExecutable, this);
    view_ = new ViewState(this);

    // Centre: caption (presentation mode), deadlock banner, timeline.
    auto* centre = new QWidget(this);
    auto* layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    caption_ = new CaptionBar(centre);
    caption_->hide();
    banner_ = new DeadlockBanner(centre);
    timeline_ = new TimelineView(view_, centre);
    layout->addWidget(caption_);
    layout->addWidget(banner_);
    layout->addWidget(timeline_, 1);
    setCentralWidget(centre);

    scenarioPanel_ = new ScenarioPanel(this);
    programPanel_ = new ProgramPanel(this);
    lessonStack_ = new QStackedWidget(this);
    // A small screen would squeeze the lesson's text and parameters (at 1280×720 the fields
    // were drawn a few pixels high) or the program's form: each scrolls instead.
    for (QWidget* panel :
         {static_cast<QWidget*>(scenarioPanel_), static_cast<QWidget*>(programPanel_)}) {
        auto* scroll = new QScrollArea(lessonStack_);
        scroll->setWidget(panel);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        lessonStack_->addWidget(scroll);
    }
    stateView_ = new StateView(this);
    codeView_ = new CodeView(this);
    logView_ = new LogView(this);
    speed_ = new SpeedControl(this);

    createActions();
    createStepActions();
    createProgramActions();
    createDocks();
    createMenus();
    createToolBar();
    createStepMenuAndToolBar();
    createStatusBar();
    connectParts();
    connectStepParts();

    if (options_.restoreSettings)
        loadSettings();
    else
        applyTheme(theme_);
    onScenarioPicked(QString::fromStdString(scenarioPanel_->scenario()->id));
    applyStyleToParts();
    updateActions();
    refreshViews();
    // Space must run the lesson right away; a focused combo box would swallow it.
    timeline_->setFocus();
}

MainWindow::~MainWindow() {
    // The controller is a child: it stops the run as it goes. Say so explicitly first, so
    // no queued frame reaches half-destroyed views.
    controller_->disconnect(this);
    controller_->shutdown();
}

bool MainWindow::selectScenario(const QString& id) {
    if (!scenarios::find(id.toStdString())) return false;
    if (program_) closeProgram();
    return scenarioPanel_->setScenario(id.toStdString());
}

void MainWindow::setParameters(const std::map<std::string, std::string>& values) {
    scenarioPanel_->setParameters(values);
}

void MainWindow::setSpeed(double speed) {
    speed_->setSpeed(speed);
}

void MainWindow::setSpeedForThisStart(double speed) {
    {
        const QScopedValueRollback<bool> notChosen(applyingStartSpeed_, true);
        speed_->setSpeed(speed);
    }
    rememberSpeed_ = false; // until the person moves the slider
}

QAction* MainWindow::makeAction(const char* name, const QString& text, const QString& icon,
                                const QString& tip, const QKeySequence& key) {
    auto* a = new QAction(text, this);
    a->setObjectName(QString::fromLatin1(name));
    if (!icon.isEmpty())
        a->setIcon(QIcon(QStringLiteral(":/icons/") + icon + QStringLiteral(".svg")));
    if (!key.isEmpty()) a->setShortcut(key);
    // Tooltips name the shortcut: students learn them by hovering.
    a->setToolTip(key.isEmpty() ? tip
                                : tip + QStringLiteral(" (") +
                                      key.toString(QKeySequence::NativeText) + QLatin1Char(')'));
    a->setStatusTip(tip);
    addAction(a); // shortcuts work even when the toolbar is hidden (presentation mode)
    return a;
}

void MainWindow::createActions() {
    makeAction("actionRun", tr("Run"), QStringLiteral("run"),
               tr("Start the lesson as real processes"), QKeySequence(Qt::Key_Space));
    auto* pause = makeAction(
        "actionPause", tr("Pause"), QStringLiteral("pause"),
        tr("Freeze the view; the processes keep running and every event is still recorded"));
    pause->setCheckable(true);
    makeAction("actionStop", tr("Stop"), QStringLiteral("stop"),
               tr("Kill every process of the run and clean up"), QKeySequence(Qt::Key_Escape));
    makeAction("actionRestart", tr("Restart"), QStringLiteral("restart"),
               tr("Stop and run the lesson again from the start"),
               QKeySequence(Qt::CTRL | Qt::Key_R));
    makeAction("actionExport", tr("Export\u2026"), QStringLiteral("export"),
               tr("Save the timeline as PNG, SVG or PDF"), QKeySequence(Qt::CTRL | Qt::Key_E));
    // Ctrl+O opens a Python program (main_window_program.cpp): what people open most.
    makeAction("actionOpen", tr("Open trace\u2026"), QStringLiteral("open"),
               tr("Replay a saved run (no process is started)"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    makeAction("actionSave", tr("Save trace\u2026"), QStringLiteral("save"),
               tr("Save this run as a trace file (Chrome trace JSON; opens in Perfetto too)"),
               QKeySequence::Save);
    makeAction("actionQuit", tr("Quit"), QString(), tr("Stop any run and close mpviz"),
               QKeySequence::Quit);
    auto* present =
        makeAction("actionPresentation", tr("Presentation mode"), QStringLiteral("presentation"),
                   tr("Full screen, larger text and a caption that explains what happens"),
                   QKeySequence(Qt::Key_F11));
    present->setCheckable(true);
    auto* zoomIn = makeAction("actionZoomIn", tr("Zoom in"), QStringLiteral("zoom-in"),
                              tr("Show a shorter stretch of time"), QKeySequence::ZoomIn);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    makeAction("actionZoomOut", tr("Zoom out"), QStringLiteral("zoom-out"),
               tr("Show a longer stretch of time"), QKeySequence::ZoomOut);
    makeAction("actionFit", tr("Fit"), QStringLiteral("zoom-fit"),
               tr("Show the whole run (and follow it while it runs)"),
               QKeySequence(Qt::CTRL | Qt::Key_0));
    auto* follow = makeAction("actionFollow", tr("Follow now"), QStringLiteral("follow"),
                              tr("Keep the live \u201cnow\u201d line in view; clears the playhead"),
                              QKeySequence(Qt::Key_End));
    follow->setCheckable(true);
    makeAction("actionPreviousEvent", tr("Previous event"), QStringLiteral("step-back"),
               tr("Select the event before the selected one"),
               QKeySequence(Qt::ALT | Qt::Key_Left));
    makeAction("actionNextEvent", tr("Next event"), QStringLiteral("step-forward"),
               tr("Select the event after the selected one"),
               QKeySequence(Qt::ALT | Qt::Key_Right));
    auto* dark = makeAction("actionDarkTheme", tr("Dark theme"), QString(),
                            tr("Light text on a dark background"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    dark->setCheckable(true);
    makeAction("actionShortcuts", tr("Keyboard shortcuts"), QString(),
               tr("Every key the window knows, from its menus"),
               QKeySequence(Qt::CTRL | Qt::Key_Slash));
    makeAction("actionUserGuide", tr("User guide"), QString(),
               tr("How to run lessons and your own programs, step them and export"),
               QKeySequence::HelpContents);
    makeAction("actionAbout", tr("About mpviz"), QString(), tr("What mpviz is"));
}

QAction* MainWindow::action(const QString& objectName) const {
    return findChild<QAction*>(objectName, Qt::FindDirectChildrenOnly);
}

void MainWindow::createDocks() {
    const auto dock = [this](const char* name, const QString& title, QWidget* content,
                             Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(QString::fromLatin1(name));
        d->setWidget(content);
        d->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                       QDockWidget::DockWidgetFloatable);
        addDockWidget(area, d);
        return d;
    };
    scenarioDock_ = dock("scenarioDock", tr("Lesson"), lessonStack_, Qt::LeftDockWidgetArea);
    stateDock_ = dock("stateDock", tr("Shared state"), stateView_, Qt::RightDockWidgetArea);
    codeDock_ = dock("codeDock", tr("Code"), codeView_, Qt::BottomDockWidgetArea);
    logDock_ = dock("logDock", tr("Log"), logView_, Qt::BottomDockWidgetArea);
    splitDockWidget(codeDock_, logDock_, Qt::Horizontal);
    resizeDocks({scenarioDock_, stateDock_}, {300, 380}, Qt::Horizontal);
    resizeDocks({codeDock_}, {330}, Qt::Vertical);
}

void MainWindow::createMenus() {
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("actionOpenProgram")));
    file->addMenu(recentMenu_);
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionOpen")));
    file->addAction(action(QStringLiteral("actionSave")));
    file->addAction(action(QStringLiteral("actionExport")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionQuit")));

    auto* runMenu = menuBar()->addMenu(tr("&Run"));
    for (const char* name : {"actionRun", "actionPause", "actionStop", "actionRestart"})
        runMenu->addAction(action(QString::fromLatin1(name)));

    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    for (const char* name : {"actionZoomIn", "actionZoomOut", "actionFit", "actionFollow",
                             "actionPreviousEvent", "actionNextEvent"})
        viewMenu->addAction(action(QString::fromLatin1(name)));
    viewMenu->addSeparator();
    viewMenu->addAction(action(QStringLiteral("actionPresentation")));
    viewMenu->addAction(action(QStringLiteral("actionDarkTheme")));
    viewMenu->addSeparator();
    auto* panels = viewMenu->addMenu(tr("Panels"));
    for (auto* d : {scenarioDock_, stateDock_, codeDock_, logDock_}) {
        QAction* toggle = d->toggleViewAction();
        toggle->setToolTip(tr("Show or hide the %1 panel").arg(d->windowTitle()));
        panels->addAction(toggle);
    }

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("actionUserGuide")));
    help->addAction(action(QStringLiteral("actionShortcuts")));
    help->addSeparator();
    help->addAction(action(QStringLiteral("actionAbout")));
}

void MainWindow::createToolBar() {
    auto* bar = addToolBar(tr("Run"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (const char* name : {"actionRun", "actionPause", "actionStop", "actionRestart"})
        bar->addAction(action(QString::fromLatin1(name)));
    bar->addSeparator();
    bar->addWidget(speed_);
    bar->addSeparator();
    for (const char* name : {"actionZoomIn", "actionZoomOut", "actionFit", "actionFollow"}) {
        bar->addAction(action(QString::fromLatin1(name)));
    }
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("actionExport")));
    bar->addAction(action(QStringLiteral("actionPresentation")));
    // Zoom buttons need no words next to them; the rest say what they do.
    for (const char* name : {"actionZoomIn", "actionZoomOut"})
        if (auto* w = bar->widgetForAction(action(QString::fromLatin1(name))))
            if (auto* button = qobject_cast<QToolButton*>(w))
                button->setToolButtonStyle(Qt::ToolButtonIconOnly);
}

void MainWindow::createStatusBar() {
    const auto field = [this](const char* name, const QString& tip) {
        auto* label = new QLabel(this);
        label->setObjectName(QString::fromLatin1(name));
        label->setToolTip(tip);
        label->setContentsMargins(6, 0, 6, 0);
        statusBar()->addPermanentWidget(label);
        return label;
    };
    outcomeLabel_ = field("statusOutcome", tr("How the run ended, or that it is running"));
    aliveLabel_ = field("statusAlive", tr("Processes alive at the instant shown"));
    eventsLabel_ = field("statusEvents", tr("Events recorded so far"));
    elapsedLabel_ =
        field("statusElapsed", tr("Scenario time at the instant shown (the lesson's own clock)"));
}

QString MainWindow::statusText() const {
    return QStringList{outcomeLabel_->text(), aliveLabel_->text(), eventsLabel_->text(),
                       elapsedLabel_->text()}
        .join(QStringLiteral(" | "));
}

void MainWindow::connectParts() {
    connect(action(QStringLiteral("actionRun")), &QAction::triggered, this, &MainWindow::run);
    connect(action(QStringLiteral("actionPause")), &QAction::triggered, this,
            &MainWindow::togglePause);
    connect(action(QStringLiteral("actionStop")), &QAction::triggered, this, &MainWindow::stop);
    connect(action(QStringLiteral("actionRestart")), &QAction::triggered, this,
            &MainWindow::restart);
    connect(action(QStringLiteral("actionExport")), &QAction::triggered, this,
            &MainWindow::showExportDialog);
    connect(action(QStringLiteral("actionOpen")), &QAction::triggered, this,
            &MainWindow::showOpenDialog);
    connect(action(QStringLiteral("actionSave")), &QAction::triggered, this,
            &MainWindow::showSaveDialog);
    connect(action(QStringLiteral("actionQuit")), &QAction::triggered, this, &QWidget::close);
    connect(action(QStringLiteral("actionPresentation")), &QAction::toggled, this,
            &MainWindow::setPresentationMode);
    connect(action(QStringLiteral("actionZoomIn")), &QAction::triggered, view_,
            [this] { view_->zoom(1.5); });
    connect(action(QStringLiteral("actionZoomOut")), &QAction::triggered, view_,
            [this] { view_->zoom(1 / 1.5); });
    connect(action(QStringLiteral("actionFit")), &QAction::triggered, view_, &ViewState::fit);
    connect(action(QStringLiteral("actionFollow")), &QAction::triggered, this, [this](bool on) {
        if (on) view_->setPlayhead(std::nullopt);
        view_->setFollowing(on);
        updateActions();
    });
    connect(action(QStringLiteral("actionPreviousEvent")), &QAction::triggered, this,
            [this] { timeline_->stepEvent(-1); });
    connect(action(QStringLiteral("actionNextEvent")), &QAction::triggered, this,
            [this] { timeline_->stepEvent(+1); });
    connect(action(QStringLiteral("actionDarkTheme")), &QAction::toggled, this,
            [this](bool dark) { setTheme(dark ? Theme::Dark : Theme::Light); });
    connect(action(QStringLiteral("actionAbout")), &QAction::triggered, this,
            &MainWindow::showAbout);
    connect(action(QStringLiteral("actionShortcuts")), &QAction::triggered, this, [this] {
        auto* dialog = new ShortcutsDialog(menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(action(QStringLiteral("actionUserGuide")), &QAction::triggered, this, [this] {
        auto* dialog = new UserGuideDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show(); // beside the window, not in front of it: one reads and tries
    });

    connect(controller_, &RunController::traceReplaced, this, &MainWindow::onTraceReplaced);
    connect(controller_, &RunController::frame, this, &MainWindow::onFrame);
    connect(controller_, &RunController::finished, this, &MainWindow::onFinished);
    connect(controller_, &RunController::pausedChanged, this, [this](bool paused) {
        if (!paused && controller_->isLive()) view_->setPlayhead(std::nullopt); // back to live
        updateActions();
        refreshPending();
        refreshedVersion_ = 0; // the status and the state view's heading say "paused"
        scheduleRefresh();
    });

    connect(view_, &ViewState::cursorChanged, this, &MainWindow::scheduleRefresh);
    connect(view_, &ViewState::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(view_, &ViewState::followingChanged, this, [this] { updateActions(); });
    connect(view_, &ViewState::playheadChanged, this, [this] { updateActions(); });
    connect(timeline_, &TimelineView::eventActivated, this, &MainWindow::onEventActivated);
    connect(logView_, &LogView::eventActivated, this, [this](std::uint32_t e) {
        view_->select(e);
        onEventActivated(e);
    });

    connect(scenarioPanel_, &ScenarioPanel::scenarioChanged, this, &MainWindow::onScenarioPicked);
    connect(scenarioPanel_, &ScenarioPanel::parametersChanged, this, [this] {
        const auto* s = scenarioPanel_->scenario();
        if (!s) return;
        settings_->setParameters(QString::fromStdString(s->id), scenarioPanel_->parameters());
        // With a run on screen the listing keeps that run's values; otherwise the next one's.
        if (!controller_->trace() && !program_) showListing(s, scenarioPanel_->parameters());
    });
    connect(speed_, &SpeedControl::speedChanged, this, [this](double speed) {
        if (applyingStartSpeed_) return;
        rememberSpeed_ = true;
        settings_->setSpeed(speed);
    });
    connect(banner_, &DeadlockBanner::fixRequested, this, &MainWindow::fixAndRun);
}

} // namespace mpviz::gui
