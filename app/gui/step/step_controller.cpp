#include "gui/step/step_controller.hpp"

#include "gui/run/view_state.hpp"
#include "gui/timeline/timeline_view.hpp"
#include "gui/window/window_actions.hpp"
#include "render/labels.hpp"
#include "render/viewport.hpp"

#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QStringList>

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

StepController::StepController(RunController* run, ViewState* view, TimelineView* timeline,
                               QWidget* window)
    : QObject(window), run_(run), view_(view), timeline_(timeline), window_(window) {
    createActions(window);
    connectParts();
}

void StepController::createActions(QWidget* window) {
    auto& a = actions_;
    a.mode = makeAction(window, "actionStepMode", tr("Step mode"), QStringLiteral("step-mode"),
                        tr("You are the scheduler: every operation of every process waits "
                           "until you let it go ahead. Switch at any time, even mid-run"),
                        QKeySequence(Qt::CTRL | Qt::Key_T));
    a.mode->setCheckable(true);
    a.step = makeAction(window, "actionStep", tr("Step"), QStringLiteral("step"),
                        tr("Let one waiting operation go ahead, chosen by the policy; or "
                           "click a waiting operation on its lane"),
                        QKeySequence(Qt::Key_Right));
    a.step->setShortcuts({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_F10)});
    a.stepProcess = makeAction(
        window, "actionStepProcess", tr("Step selected process"), QStringLiteral("step-process"),
        tr("Grant operations until the selected event's process takes its next step"),
        QKeySequence(Qt::SHIFT | Qt::Key_Right));
    a.runToEnd = makeAction(
        window, "actionRunToEnd", tr("Run to end"), QStringLiteral("run-to-end"),
        tr("Leave step mode: every process runs freely to the end"), QKeySequence(Qt::Key_F5));
    a.stepBack = makeAction(window, "actionStepBack", tr("Step back"), QStringLiteral("step-undo"),
                            tr("Restart the real processes and replay every step but the last one"),
                            QKeySequence(Qt::CTRL | Qt::Key_Z));
    a.replaySteps =
        makeAction(window, "actionReplaySteps", tr("Replay the first steps\u2026"), QString(),
                   tr("Restart the real processes and replay as many recorded steps as you choose"),
                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    a.logicalTime =
        makeAction(window, "actionLogicalTime", tr("Logical time"), QStringLiteral("logical-time"),
                   tr("One column per step instead of seconds, so the interleaving "
                      "reads like a table"),
                   QKeySequence(Qt::CTRL | Qt::Key_L));
    a.logicalTime->setCheckable(true);

    policy_ = new QComboBox(window);
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

void StepController::connectParts() {
    connect(actions_.mode, &QAction::triggered, this, &StepController::setStepMode);
    connect(actions_.step, &QAction::triggered, this, [this] { run_->step(); });
    connect(actions_.stepProcess, &QAction::triggered, this, &StepController::stepSelectedProcess);
    connect(actions_.runToEnd, &QAction::triggered, this, [this] { setStepMode(false); });
    connect(actions_.stepBack, &QAction::triggered, this, &StepController::stepBack);
    connect(actions_.replaySteps, &QAction::triggered, this, &StepController::chooseStepsToReplay);
    connect(actions_.logicalTime, &QAction::toggled, this,
            [this](bool on) { run_->setLogicalTime(on); });
    connect(policy_, &QComboBox::currentIndexChanged, this, [this] {
        const QString error = run_->setPolicy(policy());
        if (!error.isEmpty()) Q_EMIT message(error, 6000);
    });
    connect(run_, &RunController::logicalRebuilt, timeline_, &TimelineView::invalidateLayout);
    connect(timeline_, &TimelineView::pendingClicked, this, [this](int process) {
        runToProcess_.reset();
        run_->grant(process);
    });
}

bool StepController::setPolicy(const QString& policy) {
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

std::string StepController::policy() const {
    return policy_->currentData().toString().toStdString();
}

StepStart StepController::nextStart() const {
    StepStart start;
    start.step = actions_.mode->isChecked();
    start.policy = policy();
    return start;
}

void StepController::setReplayable(bool replayable) {
    replayable_ = replayable;
}

void StepController::forgetTarget() {
    runToProcess_.reset();
}

void StepController::setStepMode(bool on) {
    runToProcess_.reset();
    {
        const QSignalBlocker block(actions_.mode);
        actions_.mode->setChecked(on);
    }
    if (!run_->isLive()) {
        Q_EMIT message(on ? tr("The next run starts in step mode: press Run (Space)")
                          : tr("The next run runs freely"),
                       5000);
        Q_EMIT modeChanged();
        return;
    }
    if (on && run_->paused()) run_->setPaused(false); // stepping needs a live view
    run_->setStepMode(on);
    Q_EMIT message(on ? tr("Step mode: each process waits before its next operation. "
                           "Press \u2192 or click a waiting operation")
                      : tr("Running freely to the end"),
                   6000);
    Q_EMIT modeChanged();
}

void StepController::updateActions() {
    const bool live = run_->isLive();
    const bool stepping = live && run_->stepMode();
    // Only while stepping: otherwise → keeps panning the timeline (Ctrl+T enters step mode).
    // Not while paused (the chips are frozen) nor while Step back replays its recording.
    const bool byHand = stepping && !run_->paused() && !run_->replaying();
    actions_.step->setEnabled(byHand);
    actions_.stepProcess->setEnabled(byHand);
    actions_.runToEnd->setEnabled(stepping);
    for (QAction* replay : {actions_.stepBack, actions_.replaySteps})
        replay->setEnabled(run_->hasSession() && replayable_);
    const QSignalBlocker block(actions_.mode);
    if (live) actions_.mode->setChecked(stepping);
}

void StepController::stepSelectedProcess() {
    const auto trace = run_->trace();
    const auto selected = view_->selected();
    if (!trace || !selected || !run_->stepMode()) {
        Q_EMIT message(tr("Select an event of a process first (click it), then Shift+\u2192 runs "
                          "that process to its next step"),
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
        Q_EMIT message(tr("%1 has already ended: it takes no more steps").arg(name), 6000);
        return;
    }
    runToProcess_ = process;
    runToBudget_ = kRunToProcessBudget;
    stepTowardsProcess();
}

// One move of Shift+→: grant the target if it waits, else let the policy pick one so that
// whatever holds the target up can go on. Called again on every frame until done.
void StepController::stepTowardsProcess() {
    if (!runToProcess_) return;
    if (!run_->stepMode() || runToBudget_ <= 0) {
        runToProcess_.reset();
        return;
    }
    const auto pending = run_->pendingIntents();
    if (pending.empty()) return; // wait for the processes to announce their next step
    for (const auto& p : pending) {
        if (p.process == *runToProcess_) {
            run_->grant(p.process);
            runToProcess_.reset();
            return;
        }
    }
    // Only once things settled (no new event since the last frame), so a process that is
    // about to announce gets the chance first.
    const std::uint64_t version = run_->traceVersion();
    if (version != versionSeen_) {
        versionSeen_ = version;
        return;
    }
    --runToBudget_;
    run_->step();
}

std::optional<std::vector<std::string>> StepController::replayableLog() {
    if (!run_->hasSession() || !replayable_) return std::nullopt;
    if (!run_->steppedThroughout()) {
        Q_EMIT message(tr("Only a run stepped from its very start can be replayed, and this one "
                          "ran freely for a while. Turn on Step mode (Ctrl+T) and restart "
                          "(Ctrl+R) to step it."),
                       8000);
        return std::nullopt;
    }
    auto log = run_->grantLog();
    if (log.empty()) {
        Q_EMIT message(tr("Nothing to replay: no operation was granted yet"), 5000);
        return std::nullopt;
    }
    return log;
}

void StepController::stepBack() {
    if (auto log = replayableLog())
        replayFirstSteps(std::move(*log), static_cast<int>(log->size()) - 1);
}

void StepController::chooseStepsToReplay() {
    auto log = replayableLog();
    if (!log) return;
    auto* dialog = new QInputDialog(window_);
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

void StepController::replayFirstSteps(std::vector<std::string> log, int steps) {
    StepStart start;
    start.step = true;
    start.policy = policy();
    start.replaySteps = std::clamp(steps, 0, static_cast<int>(log.size()));
    start.replay = std::move(log);
    replayTarget_ = start.replaySteps;
    run_->shutdown();
    {
        const QSignalBlocker block(actions_.mode);
        actions_.mode->setChecked(true);
    }
    Q_EMIT replayRequested(start);
    Q_EMIT message(tr("Restarted the real processes; replaying the first %n step(s)", nullptr,
                      start.replaySteps),
                   6000);
}

void StepController::refreshPending() {
    const bool replaying = run_->replaying();
    if (replaying != wasReplaying_) {
        wasReplaying_ = replaying;
        Q_EMIT modeChanged(); // stepping by hand is back (or not yet)
    }
    // While a person steps, the chips stay where they were aimed at: the axis holds still.
    view_->setSteadyAxis(run_->stepMode());
    std::vector<render::PendingMark> marks;
    // Paused, the chips would go stale; replaying, only the recording decides.
    if (run_->stepMode() && !run_->paused() && !replaying) {
        const auto pending = run_->pendingIntents();
        const auto trace = run_->trace();
        if (trace && !pending.empty()) {
            trace->read([&](const trace::TraceData& d) {
                for (const auto& p : pending)
                    marks.push_back({p.process, p.op, intentLabel(d, p), p.ts});
            });
        }
    }
    timeline_->setPending(std::move(marks));
    stepTowardsProcess();
}

std::map<int, std::string> StepController::waitingOperations() const {
    std::map<int, std::string> waiting;
    if (!run_->stepMode() || run_->replaying()) return waiting;
    const auto pending = run_->pendingIntents();
    const auto trace = run_->trace();
    if (pending.empty() || !trace) return waiting;
    trace->read([&](const trace::TraceData& d) {
        for (const auto& p : pending)
            waiting[p.process] = intentLabel(d, p).toStdString();
    });
    return waiting;
}

QString StepController::caption() const {
    if (!run_->stepMode() || run_->replaying()) return {};
    const auto pending = run_->pendingIntents();
    const auto trace = run_->trace();
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

QString StepController::status() const {
    if (!run_->stepMode()) return {};
    if (run_->replaying())
        return tr("Replaying step %1 of %2").arg(run_->grantLog().size()).arg(replayTarget_);
    const auto waiting = run_->pendingIntents().size();
    const auto steps = run_->grantLog().size();
    return tr("Stepping: %1 granted, %2 waiting").arg(steps).arg(waiting);
}

} // namespace mpviz::gui
