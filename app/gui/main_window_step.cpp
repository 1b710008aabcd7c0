// Step mode, "you are the scheduler": every operation of every real process waits until
// the person at the keyboard lets it go ahead — by policy (→), by clicking a pending
// operation on its lane, or by running the selected process to its next event (Shift+→).
// "Step back" re-runs the real processes and replays the recorded grants but the last.

#include "gui/main_window.hpp"

#include "gui/run_controller.hpp"
#include "gui/timeline_view.hpp"
#include "gui/view_state.hpp"
#include "render/labels.hpp"
#include "render/viewport.hpp"

#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>

namespace mpviz::gui {

namespace {

// "acquire lock", "join Process-1", "put queue": what the ghosted chip says.
QString intentLabel(const trace::TraceData& d, const engine::PendingIntent& intent) {
    const bool onChild = intent.op == trace::Op::Join || intent.op == trace::Op::Terminate;
    return render::operationLabel(d, intent.op, intent.object,
                                  onChild ? d.processIndexByPid(static_cast<int>(intent.value))
                                          : -1);
}

// Shift+→ gives up after this many grants without reaching the selected process (it may be
// blocked for good, and the others may never free it).
constexpr int kRunToProcessBudget = 200;

} // namespace

void MainWindow::createStepActions() {
    auto* mode = makeAction("actionStepMode", tr("Step mode"), QStringLiteral("step-mode"),
                            tr("You are the scheduler: every operation of every process waits "
                               "until you let it go ahead. Switch at any time, even mid-run"),
                            QKeySequence(Qt::CTRL | Qt::Key_T));
    mode->setCheckable(true);
    auto* step = makeAction("actionStep", tr("Step"), QStringLiteral("step"),
                            tr("Let one waiting operation go ahead, chosen by the policy; or "
                               "click a waiting operation on its lane"),
                            QKeySequence(Qt::Key_Right));
    step->setShortcuts({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_F10)});
    makeAction("actionStepProcess", tr("Step selected process"), QStringLiteral("step-process"),
               tr("Grant operations until the selected event's process takes its next step"),
               QKeySequence(Qt::SHIFT | Qt::Key_Right));
    makeAction("actionRunToEnd", tr("Run to end"), QStringLiteral("run-to-end"),
               tr("Leave step mode: every process runs freely to the end"),
               QKeySequence(Qt::Key_F5));
    makeAction("actionStepBack", tr("Step back"), QStringLiteral("step-undo"),
               tr("Restart the real processes and replay every step but the last one"),
               QKeySequence(Qt::CTRL | Qt::Key_Z));
    makeAction("actionReplaySteps", tr("Replay the first steps\u2026"), QString(),
               tr("Restart the real processes and replay as many recorded steps as you choose"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    auto* logical =
        makeAction("actionLogicalTime", tr("Logical time"), QStringLiteral("logical-time"),
                   tr("One column per step instead of seconds, so the interleaving "
                      "reads like a table"),
                   QKeySequence(Qt::CTRL | Qt::Key_L));
    logical->setCheckable(true);

    policy_ = new QComboBox(this);
    policy_->setObjectName(QStringLiteral("stepPolicy"));
    policy_->addItem(tr("Oldest first"), QStringLiteral("fifo"));
    policy_->addItem(tr("Round-robin"), QStringLiteral("round-robin"));
    policy_->addItem(tr("Random (seed 1)"), QStringLiteral("random:1"));
    policy_->addItem(tr("Random (seed 2)"), QStringLiteral("random:2"));
    policy_->setToolTip(tr("Which waiting operation Step (\u2192) lets go ahead: the one that "
                           "waited longest, each process in turn, or a seeded random pick "
                           "(the same seed always gives the same interleaving)"));
    policy_->setFocusPolicy(Qt::ClickFocus); // keep → and Space for the timeline
}

void MainWindow::createStepMenuAndToolBar() {
    auto* menu = menuBar()->addMenu(tr("&Step"));
    for (const char* name : {"actionStepMode", "actionStep", "actionStepProcess", "actionRunToEnd",
                             "actionStepBack", "actionReplaySteps", "actionLogicalTime"})
        menu->addAction(action(QString::fromLatin1(name)));
    // Keep Help last.
    const auto actions = menuBar()->actions();
    for (QAction* a : actions)
        if (a->text() == tr("&Help")) {
            menuBar()->removeAction(a);
            menuBar()->addAction(a);
        }

    addToolBarBreak(); // a row of its own: the run toolbar is full on a projector's width
    auto* bar = addToolBar(tr("Step"));
    bar->setObjectName(QStringLiteral("stepToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(action(QStringLiteral("actionStepMode")));
    bar->addWidget(policy_);
    for (const char* name : {"actionStep", "actionStepProcess", "actionRunToEnd", "actionStepBack",
                             "actionLogicalTime"})
        bar->addAction(action(QString::fromLatin1(name)));
}

void MainWindow::connectStepParts() {
    connect(action(QStringLiteral("actionStepMode")), &QAction::triggered, this,
            &MainWindow::setStepMode);
    connect(action(QStringLiteral("actionStep")), &QAction::triggered, this,
            [this] { controller_->step(); });
    connect(action(QStringLiteral("actionStepProcess")), &QAction::triggered, this,
            &MainWindow::stepSelectedProcess);
    connect(action(QStringLiteral("actionRunToEnd")), &QAction::triggered, this,
            [this] { setStepMode(false); });
    connect(action(QStringLiteral("actionStepBack")), &QAction::triggered, this,
            &MainWindow::stepBack);
    connect(action(QStringLiteral("actionReplaySteps")), &QAction::triggered, this,
            &MainWindow::chooseStepsToReplay);
    connect(action(QStringLiteral("actionLogicalTime")), &QAction::toggled, this,
            [this](bool on) { controller_->setLogicalTime(on); });
    connect(policy_, &QComboBox::currentIndexChanged, this, [this] {
        const QString error = controller_->setPolicy(stepPolicy());
        if (!error.isEmpty()) statusBar()->showMessage(error, 6000);
    });
    connect(controller_, &RunController::logicalRebuilt, timeline_,
            &TimelineView::invalidateLayout);
    connect(timeline_, &TimelineView::pendingClicked, this, [this](int process) {
        runToProcess_.reset();
        controller_->grant(process);
    });
}

bool MainWindow::setStepPolicy(const QString& policy) {
    int index = policy_->findData(policy);
    if (index < 0) {
        // Any other seed the command line or the settings ask for gets its own entry.
        static const QRegularExpression seeded(QStringLiteral("^random:(\\d{1,18})$"));
        const auto match = seeded.match(policy);
        if (!match.hasMatch()) return false;
        policy_->addItem(tr("Random (seed %1)").arg(match.captured(1)), policy);
        index = policy_->count() - 1;
    }
    policy_->setCurrentIndex(index);
    return true;
}

std::string MainWindow::stepPolicy() const {
    return policy_->currentData().toString().toStdString();
}

RunController::StepStart MainWindow::stepStart() const {
    RunController::StepStart start;
    start.step = action(QStringLiteral("actionStepMode"))->isChecked();
    start.policy = stepPolicy();
    return start;
}

void MainWindow::setStepMode(bool on) {
    runToProcess_.reset();
    auto* mode = action(QStringLiteral("actionStepMode"));
    const QSignalBlocker block(mode);
    mode->setChecked(on);
    if (!controller_->isLive()) {
        statusBar()->showMessage(on ? tr("The next run starts in step mode: press Run (Space)")
                                    : tr("The next run runs freely"),
                                 5000);
        updateActions();
        return;
    }
    if (on && controller_->paused()) controller_->setPaused(false); // stepping needs a live view
    controller_->setStepMode(on);
    statusBar()->showMessage(on ? tr("Step mode: each process waits before its next operation. "
                                     "Press \u2192 or click a waiting operation")
                                : tr("Running freely to the end"),
                             6000);
    updateActions();
}

void MainWindow::stepSelectedProcess() {
    const auto trace = controller_->trace();
    const auto selected = view_->selected();
    if (!trace || !selected || !controller_->stepMode()) {
        statusBar()->showMessage(
            tr("Select an event of a process first (click it), then Shift+\u2192 runs that "
               "process to its next step"),
            6000);
        return;
    }
    int process = -1;
    QString name;
    bool ended = false;
    trace->read([&](const trace::TraceData& d) {
        if (*selected >= d.events().size()) return;
        process = d.events()[*selected].process;
        const auto& info = d.processes()[static_cast<std::size_t>(process)];
        name = QString::fromStdString(info.name);
        ended = info.endTs.has_value();
    });
    if (process < 0) return;
    if (ended) {
        statusBar()->showMessage(tr("%1 has already ended: it takes no more steps").arg(name),
                                 6000);
        return;
    }
    runToProcess_ = process;
    runToBudget_ = kRunToProcessBudget;
    stepTowardsProcess();
}

// One move of Shift+→: grant the target if it waits, else let the policy pick one so that
// whatever holds the target up can go on. Called again on every frame until done.
void MainWindow::stepTowardsProcess() {
    if (!runToProcess_) return;
    if (!controller_->stepMode() || runToBudget_ <= 0) {
        runToProcess_.reset();
        return;
    }
    const auto pending = controller_->pendingIntents();
    if (pending.empty()) return; // wait for the processes to announce their next step
    for (const auto& p : pending) {
        if (p.process == *runToProcess_) {
            controller_->grant(p.process);
            runToProcess_.reset();
            return;
        }
    }
    // Only once things settled (no new event since the last frame), so a process that is
    // about to announce gets the chance first.
    const std::uint64_t version = controller_->traceVersion();
    if (version != stepVersionSeen_) {
        stepVersionSeen_ = version;
        return;
    }
    --runToBudget_;
    controller_->step();
}

std::optional<std::vector<std::string>> MainWindow::replayableLog() {
    if (!controller_->hasSession() || (!traceScenario_ && !traceProgram_)) return std::nullopt;
    if (!controller_->steppedThroughout()) {
        statusBar()->showMessage(
            tr("Only a run stepped from its very start can be replayed, and this one ran "
               "freely for a while. Turn on Step mode (Ctrl+T) and restart (Ctrl+R) to step it."),
            8000);
        return std::nullopt;
    }
    auto log = controller_->grantLog();
    if (log.empty()) {
        statusBar()->showMessage(tr("Nothing to replay: no operation was granted yet"), 5000);
        return std::nullopt;
    }
    return log;
}

void MainWindow::stepBack() {
    if (auto log = replayableLog())
        replayFirstSteps(std::move(*log), static_cast<int>(log->size()) - 1);
}

void MainWindow::chooseStepsToReplay() {
    auto log = replayableLog();
    if (!log) return;
    auto* dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Replay the first steps"));
    dialog->setLabelText(tr("Restart the real processes and grant the first N of the %1 "
                            "recorded steps again, then wait for you:")
                             .arg(log->size()));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(0, static_cast<int>(log->size()));
    dialog->setIntValue(static_cast<int>(log->size()) - 1);
    connect(dialog, &QInputDialog::intValueSelected, this,
            [this, log = std::move(*log)](int n) { replayFirstSteps(log, n); });
    dialog->open(); // not exec(): the window keeps running
}

void MainWindow::replayFirstSteps(std::vector<std::string> log, int steps) {
    RunController::StepStart start;
    start.step = true;
    start.policy = stepPolicy();
    start.replaySteps = std::clamp(steps, 0, static_cast<int>(log.size()));
    start.replay = std::move(log);
    replayTarget_ = start.replaySteps;
    controller_->shutdown();
    auto* mode = action(QStringLiteral("actionStepMode"));
    const QSignalBlocker block(mode);
    mode->setChecked(true);
    if (traceProgram_)
        startProgramRun(*traceProgram_, traceTimeLimit_, start);
    else
        startRun(traceScenario_, traceParams_, start);
    statusBar()->showMessage(tr("Restarted the real processes; replaying the first %n step(s)",
                                nullptr, start.replaySteps),
                             6000);
}

void MainWindow::refreshPending() {
    const bool replaying = controller_->replaying();
    if (replaying != wasReplaying_) {
        wasReplaying_ = replaying;
        updateActions(); // stepping by hand is back (or not yet)
    }
    std::vector<render::PendingMark> marks;
    // Paused, the chips would go stale; replaying, only the recording decides.
    if (controller_->stepMode() && !controller_->paused() && !replaying) {
        const auto pending = controller_->pendingIntents();
        const auto trace = controller_->trace();
        if (trace && !pending.empty()) {
            trace->read([&](const trace::TraceData& d) {
                for (const auto& p : pending)
                    marks.push_back({p.process, p.op, intentLabel(d, p)});
            });
        }
    }
    timeline_->setPending(std::move(marks));
    stepTowardsProcess();
}

QString MainWindow::stepCaption() const {
    if (!controller_->stepMode() || controller_->replaying()) return {};
    const auto pending = controller_->pendingIntents();
    const auto trace = controller_->trace();
    if (pending.empty() || !trace) return {};
    QStringList wants;
    trace->read([&](const trace::TraceData& d) {
        for (const auto& p : pending)
            if (p.process >= 0 && static_cast<std::size_t>(p.process) < d.processes().size())
                wants << tr("%1 to %2")
                             .arg(QString::fromStdString(
                                      d.processes()[static_cast<std::size_t>(p.process)].name),
                                  intentLabel(d, p));
    });
    return tr("Waiting for you: %1. Click one, or press \u2192.")
        .arg(wants.join(QStringLiteral(", ")));
}

QString MainWindow::stepStatus() const {
    if (!controller_->stepMode()) return {};
    if (controller_->replaying())
        return tr("Replaying step %1 of %2").arg(controller_->grantLog().size()).arg(replayTarget_);
    const auto waiting = controller_->pendingIntents().size();
    const auto steps = controller_->grantLog().size();
    return tr("Stepping: %1 granted, %2 waiting").arg(steps).arg(waiting);
}

} // namespace mpviz::gui
