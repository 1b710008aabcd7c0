// Building the main window: actions, menus, toolbar, docks, status bar, wiring.

#include "gui/window/main_window.hpp"

#include "gui/window/help_dialogs.hpp"
#include "gui/window/language.hpp"

#include "gui/code/code_view.hpp"
#include "gui/lesson/scenario_panel.hpp"
#include "gui/log/log_view.hpp"
#include "gui/program/program_panel.hpp"
#include "gui/run/run_controller.hpp"
#include "gui/run/view_state.hpp"
#include "gui/state/state_view.hpp"
#include "gui/timeline/timeline_view.hpp"
#include "gui/window/caption_bar.hpp"
#include "gui/window/deadlock_banner.hpp"
#include "gui/window/settings_store.hpp"
#include "gui/window/speed_control.hpp"
#include "scenario.hpp"

#include <QAction>
#include <QDockWidget>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QScopedValueRollback>
#include <QScreen>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

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

    actions_ = WindowActions::create(this);
    step_ = new StepController(controller_, view_, timeline_, this);
    createProgramActions();
    createDocks();
    createMenus();
    createToolBar();
    createStepParts();
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
    // The code and log panels take under a third of the screen's height: on a 720-line
    // screen every lane of a six-process lesson must fit above them.
    const QScreen* screen = QGuiApplication::primaryScreen();
    const int height = screen ? screen->availableGeometry().height() : 1080;
    resizeDocks({codeDock_}, {std::clamp(height * 3 / 10, 170, 330)}, Qt::Vertical);
}

void MainWindow::createMenus() {
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(actions_.openProgram);
    file->addMenu(recentMenu_);
    file->addSeparator();
    file->addAction(actions_.openTrace);
    file->addAction(actions_.saveTrace);
    file->addAction(actions_.exportTimeline);
    file->addSeparator();
    file->addAction(actions_.quit);

    auto* runMenu = menuBar()->addMenu(tr("&Run"));
    runMenu->addActions({actions_.run, actions_.pause, actions_.stop, actions_.restart});
    runMenu->addSeparator();
    runMenu->addAction(actions_.runTimes);

    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addActions({actions_.zoomIn, actions_.zoomOut, actions_.fit, actions_.follow,
                          actions_.previousEvent, actions_.nextEvent});
    viewMenu->addSeparator();
    viewMenu->addAction(actions_.heldBands);
    viewMenu->addAction(actions_.counterCharts);
    viewMenu->addSeparator();
    viewMenu->addAction(actions_.presentation);
    viewMenu->addAction(actions_.darkTheme);
    const LanguageActions language = addLanguageMenu(viewMenu, *settings_, this);
    actions_.languageEnglish = language.english;
    actions_.languageChinese = language.chinese;
    viewMenu->addSeparator();
    auto* panels = viewMenu->addMenu(tr("Panels"));
    for (auto* d : {scenarioDock_, stateDock_, codeDock_, logDock_}) {
        QAction* toggle = d->toggleViewAction();
        toggle->setToolTip(tr("Show or hide the %1 panel").arg(d->windowTitle()));
        panels->addAction(toggle);
    }

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(actions_.userGuide);
    help->addAction(actions_.shortcuts);
    help->addSeparator();
    help->addAction(actions_.about);
}

void MainWindow::createToolBar() {
    auto* bar = addToolBar(tr("Run"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addActions({actions_.run, actions_.pause, actions_.stop, actions_.restart});
    bar->addSeparator();
    bar->addWidget(speed_);
    bar->addSeparator();
    bar->addActions({actions_.zoomIn, actions_.zoomOut, actions_.fit, actions_.follow});
    bar->addSeparator();
    bar->addAction(actions_.exportTimeline);
    bar->addAction(actions_.presentation);
    // Zoom buttons need no words next to them; the rest say what they do, in short: every
    // button stays on the bar at 1280 px, paused too (menus and tooltips say it in full).
    for (QAction* zoom : {actions_.zoomIn, actions_.zoomOut})
        if (auto* w = bar->widgetForAction(zoom))
            if (auto* button = qobject_cast<QToolButton*>(w))
                button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    actions_.follow->setIconText(tr("Follow"));
    actions_.exportTimeline->setIconText(tr("Export"));
    actions_.presentation->setIconText(tr("Present"));
    // Pause becomes Resume: the button keeps the width of the wider word, so pausing moves
    // no other button (nor pushes the last one off the bar).
    if (auto* pause = qobject_cast<QToolButton*>(bar->widgetForAction(actions_.pause))) {
        const QString shown = actions_.pause->text();
        int widest = 0;
        for (const QString& word : {tr("Pause"), tr("Resume")}) {
            actions_.pause->setText(word);
            widest = std::max(widest, pause->sizeHint().width());
        }
        actions_.pause->setText(shown);
        pause->setMinimumWidth(widest);
    }
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
    connect(actions_.run, &QAction::triggered, this, &MainWindow::run);
    connect(actions_.pause, &QAction::triggered, this, &MainWindow::togglePause);
    connect(actions_.stop, &QAction::triggered, this, &MainWindow::stop);
    connect(actions_.runTimes, &QAction::triggered, this, &MainWindow::showRepeatDialog);
    connect(actions_.restart, &QAction::triggered, this, &MainWindow::restart);
    connect(actions_.exportTimeline, &QAction::triggered, this, &MainWindow::showExportDialog);
    connect(actions_.openTrace, &QAction::triggered, this, &MainWindow::showOpenDialog);
    connect(actions_.saveTrace, &QAction::triggered, this, &MainWindow::showSaveDialog);
    connect(actions_.quit, &QAction::triggered, this, &QWidget::close);
    connect(actions_.presentation, &QAction::toggled, this, &MainWindow::setPresentationMode);
    connect(actions_.zoomIn, &QAction::triggered, view_, [this] { view_->zoom(1.5); });
    connect(actions_.zoomOut, &QAction::triggered, view_, [this] { view_->zoom(1 / 1.5); });
    connect(actions_.fit, &QAction::triggered, view_, &ViewState::fit);
    connect(actions_.follow, &QAction::triggered, this, [this](bool on) {
        if (on) view_->setPlayhead(std::nullopt);
        view_->setFollowing(on);
        updateActions();
    });
    connect(actions_.previousEvent, &QAction::triggered, this,
            [this] { timeline_->stepEvent(-1); });
    connect(actions_.nextEvent, &QAction::triggered, this, [this] { timeline_->stepEvent(+1); });
    connect(actions_.darkTheme, &QAction::toggled, this,
            [this](bool dark) { setTheme(dark ? Theme::Dark : Theme::Light); });
    connect(actions_.heldBands, &QAction::toggled, this, [this](bool on) {
        settings_->setShowHeldBands(on);
        applyStyleToParts();
    });
    connect(actions_.counterCharts, &QAction::toggled, this, [this](bool on) {
        settings_->setShowCounterCharts(on);
        applyStyleToParts();
    });
    connect(actions_.about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(actions_.shortcuts, &QAction::triggered, this, [this] {
        auto* dialog = new ShortcutsDialog(menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(actions_.userGuide, &QAction::triggered, this, [this] {
        auto* dialog = new UserGuideDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show(); // beside the window, not in front of it: one reads and tries
    });

    refreshTimer_.setSingleShot(true);
    connect(&refreshTimer_, &QTimer::timeout, this, &MainWindow::refreshScheduled);
    connect(controller_, &RunController::traceReplaced, this, &MainWindow::onTraceReplaced);
    connect(controller_, &RunController::aboutToLaunch, this, &MainWindow::readyForLaunch);
    connect(controller_, &RunController::frame, this, &MainWindow::onFrame);
    connect(controller_, &RunController::finished, this, &MainWindow::onFinished);
    connect(controller_, &RunController::pausedChanged, this, [this](bool paused) {
        if (!paused && controller_->isLive()) view_->setPlayhead(std::nullopt); // back to live
        updateActions();
        step_->refreshPending();
        refreshedVersion_ = 0; // the status and the state view's heading say "paused"
        scheduleRefresh();
    });

    connect(view_, &ViewState::cursorChanged, this, &MainWindow::scheduleRefresh);
    connect(view_, &ViewState::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(view_, &ViewState::followingChanged, this, [this] { updateActions(); });
    connect(view_, &ViewState::playheadChanged, this, [this] { updateActions(); });
    connect(timeline_, &TimelineView::eventActivated, this, &MainWindow::onEventActivated);
    connect(timeline_, &TimelineView::neededHeightChanged, this, &MainWindow::fitLanes,
            Qt::QueuedConnection);
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
