// Running a lesson and showing it: the toolbar's run actions, the per-frame refresh of
// every view from the trace, selection, and the deadlock banner.

#include "gui/window/main_window.hpp"

#include "engine/session.hpp"
#include "gui/code/code_view.hpp"
#include "gui/lesson/scenario_panel.hpp"
#include "gui/log/log_view.hpp"
#include "gui/program/program_panel.hpp"
#include "gui/program/program_summary.hpp"
#include "gui/run/narrator.hpp"
#include "gui/run/repeat_dialog.hpp"
#include "gui/run/run_controller.hpp"
#include "gui/run/view_state.hpp"
#include "gui/run/world_snapshot.hpp"
#include "gui/state/process_list_widget.hpp"
#include "gui/state/state_view.hpp"
#include "gui/timeline/timeline_view.hpp"
#include "gui/window/caption_bar.hpp"
#include "gui/window/deadlock_banner.hpp"
#include "gui/window/language.hpp"
#include "gui/window/settings_store.hpp"
#include "gui/window/speed_control.hpp"
#include "render/hit_test.hpp"
#include "render/time_axis.hpp"
#include "render/time_mapping.hpp"
#include "scenario.hpp"
#include "trace/clock.hpp"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

namespace mpviz::gui {

using trace::Outcome;

namespace {
QString outcomeWords(Outcome o) {
    switch (o) {
    case Outcome::Running:
        return MainWindow::tr("Running");
    case Outcome::Completed:
        return MainWindow::tr("Completed");
    case Outcome::Deadlock:
        return MainWindow::tr("Deadlock");
    case Outcome::Timeout:
        return MainWindow::tr("Timed out");
    case Outcome::Stopped:
        return MainWindow::tr("Stopped");
    }
    return {};
}
} // namespace

void MainWindow::run() {
    if (controller_->isLive()) return;
    if (program_) return runProgram(step_->nextStart());
    const auto* scenario = scenarioPanel_->scenario();
    if (!scenario) return;
    startRun(scenario, scenarioPanel_->parameters(), step_->nextStart());
}

void MainWindow::startRun(const scenarios::Scenario* scenario,
                          std::map<std::string, std::string> params,
                          const RunController::StepStart& step) {
    traceScenario_ = scenario;
    traceParams_ = std::move(params);
    traceProgram_.reset();
    runStartedAt_ = trace::nowNs();
    step_->forgetTarget();
    banner_->hide();
    settings_->setLastScenario(QString::fromStdString(scenario->id));
    settings_->setParameters(QString::fromStdString(scenario->id), traceParams_);
    const QString error = controller_->start(scenario->id, traceParams_, speed_->speed(), step);
    reportStart(QString::fromStdString(scenario->id), error, step);
    updateActions();
}

void MainWindow::reportStart(const QString& what, const QString& error,
                             const RunController::StepStart& step) {
    if (!error.isEmpty()) {
        statusBar()->showMessage(tr("Cannot start %1: %2").arg(what, error));
        auto* box = new QMessageBox(QMessageBox::Critical, tr("Cannot start the run"),
                                    tr("mpviz could not start '%1':\n%2").arg(what, error),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // not exec(): a modal loop would stall the window (and the tests)
    } else if (step.step) {
        statusBar()->showMessage(tr("Step mode: each process waits before its next operation. "
                                    "Press \u2192 or click a waiting operation on its lane"),
                                 8000);
    } else {
        statusBar()->showMessage(tr("Running %1 at %2\u00d7").arg(what).arg(speed_->speed()), 4000);
    }
}

void MainWindow::togglePause(bool paused) {
    controller_->setPaused(paused);
    if (paused)
        statusBar()->showMessage(tr("Paused: the processes keep running and every event is "
                                    "still recorded; drag the playhead to look back"),
                                 6000);
    else
        statusBar()->showMessage(tr("Resumed: following the run live"), 3000);
    updateActions();
}

void MainWindow::stop() {
    if (!controller_->isLive()) return;
    controller_->stop();
    statusBar()->showMessage(tr("Stopping: killing every process of the run\u2026"), 3000);
}

void MainWindow::restart() {
    if (controller_->isLive()) controller_->shutdown();
    run();
}

void MainWindow::clearRun() {
    traceScenario_ = nullptr;
    traceParams_.clear();
    traceProgram_.reset();
    controller_->clear();
}

void MainWindow::onTraceReplaced() {
    const auto trace = controller_->trace();
    logView_->clear();
    stateView_->clear();
    banner_->hide();
    refreshedVersion_ = 0;
    refreshedCursor_.reset();
    const bool live = controller_->isLive();
    std::string scenarioId;
    std::map<std::string, std::string> params;
    std::int64_t first = runStartedAt_, last = runStartedAt_;
    bool deadlock = false;
    if (trace) {
        trace->read([&](const trace::TraceData& d) {
            scenarioId = d.scenario;
            params = d.params;
            if (!d.processes().empty() || !d.events().empty()) {
                first = d.firstTs();
                last = d.lastTs();
            }
            deadlock = d.deadlock().has_value();
        });
    }
    if (trace && !live) {
        // A saved run: show its lesson and parameters without clearing it, or the program
        // it ran (a program's trace names it by its path).
        traceScenario_ = scenarios::find(scenarioId);
        traceParams_ = params;
        loadingTrace_ = true;
        if (traceScenario_) {
            showLessonPanel();
            scenarioPanel_->setScenario(traceScenario_->id);
            scenarioPanel_->setParameters(params);
        } else if (scenarioId.size() > 3 && scenarioId.ends_with(".py")) {
            adoptProgram(QString::fromStdString(scenarioId));
        }
        loadingTrace_ = false;
    }
    if (program_) {
        showProgramInViews();
    } else {
        locator_ = CodeLocator::forLesson(traceScenario_);
        const auto* listed = traceScenario_ ? traceScenario_ : scenarioPanel_->scenario();
        showListing(listed, trace ? params : scenarioPanel_->parameters());
        if (listed)
            caption_->setExplanation(lessonText(listed->title), lessonText(listed->explanation));
    }
    timeline_->setTrace(trace);
    view_->reset(first, live ? std::max(last, controller_->now().value_or(last)) : last, live);
    if (trace && !live && deadlock) onFinished(controller_->outcome());
    updateActions();
    scheduleRefresh();
}

void MainWindow::readyForLaunch() {
    // QSettings writes its file from the event loop a moment after a change: that would be
    // during the run's first frames, in front of its first events.
    settings_->sync();
    updateActions();
    refreshViews();
    // Lay out and paint what the new run changed now, before its processes start: the
    // person sees a ready window, and its first events are not queued behind that work.
    paintPendingNow();
}

void MainWindow::paintPendingNow() {
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (isVisible()) repaint(QRect(0, 0, 1, 1)); // paints every pending update with it
}

void MainWindow::onFrame() {
    const auto trace = controller_->trace();
    if (!trace) return;
    const auto now = controller_->now();
    std::int64_t first = runStartedAt_, last = runStartedAt_;
    trace->read([&](const trace::TraceData& d) {
        if (!d.processes().empty() || !d.events().empty()) {
            first = d.firstTs();
            last = d.lastTs();
        }
    });
    view_->setExtent(first, std::max(last, now.value_or(last)));
    view_->setNow(now); // moves the view while following; asks for a refresh
    step_->refreshPending();
    timeline_->refresh();
    scheduleRefresh();
}

void MainWindow::onFinished(Outcome outcome) {
    const auto trace = controller_->trace();
    QString explanation;
    std::optional<std::int64_t> deadlockAt;
    if (trace) {
        std::int64_t first = 0, last = 0;
        trace->read([&](const trace::TraceData& d) {
            first = d.firstTs();
            last = d.lastTs();
            if (outcome == Outcome::Deadlock) explanation = explainDeadlock(d);
            if (d.deadlock()) deadlockAt = d.deadlock()->ts;
        });
        view_->setExtent(first, last);
    }
    view_->setNow(std::nullopt);
    step_->forgetTarget();
    timeline_->setPending({});
    // After a deadlock every process was killed; the moment worth looking at is just
    // before that, when they were all stuck.
    if (deadlockAt && !view_->playhead()) view_->setPlayhead(*deadlockAt);
    if (outcome == Outcome::Deadlock) banner_->showDeadlock(explanation, fixParameter());
    statusBar()->showMessage(tr("The run ended: %1").arg(outcomeWords(outcome).toLower()), 6000);
    timeline_->refresh(true);
    updateActions();
    scheduleRefresh();
}

QString MainWindow::fixParameter() const {
    if (!traceScenario_) return {};
    for (const char* name : {"fixed", "ordered", "use_lock"}) {
        for (const auto& p : traceScenario_->parameters) {
            if (p.name != name || p.kind != scenarios::Parameter::Kind::Flag) continue;
            auto it = traceParams_.find(p.name);
            if (it == traceParams_.end() || it->second != "true") return QString::fromLatin1(name);
        }
    }
    return {};
}

void MainWindow::fixAndRun() {
    const QString name = fixParameter();
    if (name.isEmpty() || !traceScenario_) return;
    auto params = traceParams_;
    params[name.toStdString()] = "true";
    loadingTrace_ = true; // keep the parameters just set when the picker changes lesson
    scenarioPanel_->setScenario(traceScenario_->id);
    loadingTrace_ = false;
    scenarioPanel_->setParameters(params);
    banner_->hide();
    run();
}

void MainWindow::onScenarioPicked(const QString& id) {
    const auto* picked = scenarios::find(id.toStdString());
    if (!picked) return;
    setWindowTitle(QStringLiteral("mpviz \u2014 ") + lessonText(picked->title));
    if (loadingTrace_) return;
    // The window shows one lesson: a finished run of another one goes away.
    if (traceScenario_ && traceScenario_ != picked && !controller_->isLive()) clearRun();
    if (options_.restoreSettings) {
        const auto remembered = settings_->parameters(id);
        if (!remembered.empty()) scenarioPanel_->setParameters(remembered);
    }
    settings_->setLastScenario(id);
    if (!controller_->trace()) {
        showListing(picked, scenarioPanel_->parameters());
        caption_->setExplanation(lessonText(picked->title), lessonText(picked->explanation));
        locator_ = CodeLocator::forLesson(picked);
    }
    refreshViews();
}

void MainWindow::showListing(const scenarios::Scenario* lesson,
                             const std::map<std::string, std::string>& params) {
    codeView_->setListing(lesson ? lessonListing(scenarios::listingWith(*lesson, params))
                                 : QString());
}

void MainWindow::scheduleRefresh() {
    // Live, the views beside the timeline follow a few frames apart: their work stands in
    // front of the timeline's next news whenever that comes meanwhile.
    const qint64 since = controller_->isLive() && liveViewsShown_.isValid()
                             ? liveViewsShown_.elapsed()
                             : kLiveViewsGapMs;
    const int delay = static_cast<int>(std::max<qint64>(0, kLiveViewsGapMs - since));
    // Several signals in one frame (now moved, trace grew, playhead moved) → one refresh; the
    // end of the run does not wait for a live refresh's turn.
    if (refreshTimer_.isActive() && refreshTimer_.remainingTime() <= delay) return;
    refreshTimer_.start(delay);
}

void MainWindow::refreshScheduled() {
    stateView_->advanceFlashes();
    refreshViews();
    if (!controller_->isLive()) return;
    liveViewsShown_.start();
    // They paint now, right after the timeline showed its news: left for later, they would
    // be painted along with the next news, in front of it.
    paintPendingNow();
}

void MainWindow::refreshViews() {
    const auto trace = controller_->trace();
    if (!trace) {
        outcomeLabel_->setText(tr("Ready"));
        aliveLabel_->setText(tr("no process"));
        eventsLabel_->setText(tr("0 events"));
        elapsedLabel_->setText(QStringLiteral("t = 0 s"));
        caption_->setNarration(std::nullopt);
        return;
    }
    const std::int64_t t = view_->cursorTime();
    const std::uint64_t version = trace->version();
    const bool live = controller_->isLive();
    const bool paused = controller_->paused();
    const auto playhead = view_->playhead();
    // Who waits for a grant changes without a new event in the trace.
    auto waiting = live && !playhead ? step_->waitingOperations() : std::map<int, std::string>{};
    if (version == refreshedVersion_ && refreshedCursor_ == t && waiting == refreshedWaiting_)
        return;
    refreshedVersion_ = version;
    refreshedCursor_ = t;
    refreshedWaiting_ = waiting;

    WorldSnapshot world;
    std::optional<Narration> narration;
    std::vector<CodeView::Marker> markers;
    std::size_t events = 0;
    QString primitives;
    render::ScenarioClock clock;
    Outcome outcome = controller_->outcome();
    trace->read([&](const trace::TraceData& d) {
        world = snapshotAt(d, t);
        for (auto& p : world.processes)
            if (const auto w = waiting.find(p.index); w != waiting.end()) p.waitingFor = w->second;
        logView_->updateFrom(d, live && !paused && !playhead && view_->following());
        narration = latestNotable(d, t);
        events = d.events().size();
        if (program_) primitives = primitivesUsed(d);
        clock = render::ScenarioClock::of(d);
        // Where each live process is in the code: its latest event with a known line.
        for (const auto& p : world.processes) {
            if (!p.started || p.ended) continue;
            const auto list = d.eventsIn(p.index, d.firstTs(), t + 1);
            int looked = 0;
            for (auto it = list.rbegin(); it != list.rend() && looked < 32; ++it, ++looked) {
                if (const int line = locator_.lineOf(d, *it)) {
                    markers.push_back(
                        {line, processColor(p.index, theme_), QString::fromStdString(p.name)});
                    break;
                }
            }
        }
    });

    QString when;
    const QString at = render::formatInstant(clock, t);
    if (playhead)
        when = tr("Replay at %1").arg(at);
    else if (live && paused)
        when = tr("Paused at %1 (still recording)").arg(at);
    else if (live)
        when = tr("Live, %1").arg(at);
    else
        when = tr("End of the run, %1").arg(at);
    stateView_->showSnapshot(world, when);
    logView_->showTime(playhead ? playhead
                                : (live && paused ? std::optional<std::int64_t>(t) : std::nullopt));
    codeView_->setMarkers(std::move(markers));
    if (program_) programPanel_->setPrimitives(primitives);
    if (const QString hint = step_->caption(); !hint.isEmpty() && !playhead) {
        // Step mode: the class must see whose turn it could be, and what each one would do.
        if (!narration) narration = Narration{};
        narration->text = narration->text.isEmpty() ? hint : narration->text + u'\n' + hint;
    }
    caption_->setNarration(narration);

    int alive = 0;
    for (const auto& p : world.processes)
        alive += p.alive();
    QString state = outcomeWords(outcome);
    if (live && controller_->stepMode()) state = step_->status();
    if (live && paused) state = tr("Paused");
    if (!controller_->hasSession()) state = tr("Replay (%1)").arg(outcomeWords(outcome).toLower());
    outcomeLabel_->setText(state);
    aliveLabel_->setText(alive == 1 ? tr("1 process alive") : tr("%1 processes alive").arg(alive));
    eventsLabel_->setText(events == 1 ? tr("1 event") : tr("%1 events").arg(events));
    elapsedLabel_->setText(QStringLiteral("t = ") + at);
}

void MainWindow::updateActions() {
    const bool live = controller_->isLive();
    const bool paused = controller_->paused();
    const bool hasTrace = controller_->hasTrace();
    auto* runAction = actions_.run;
    auto* pauseAction = actions_.pause;
    // One key, two meanings: Space runs when idle and pauses/resumes while running.
    runAction->setShortcut(live ? QKeySequence() : QKeySequence(Qt::Key_Space));
    pauseAction->setShortcut(live ? QKeySequence(Qt::Key_Space) : QKeySequence());
    runAction->setEnabled(!live);
    pauseAction->setEnabled(live);
    pauseAction->setChecked(paused);
    pauseAction->setText(paused ? tr("Resume") : tr("Pause"));
    pauseAction->setIcon(
        QIcon(paused ? QStringLiteral(":/icons/run.svg") : QStringLiteral(":/icons/pause.svg")));
    pauseAction->setToolTip(paused ? tr("Resume following the run (Space)")
                                   : tr("Freeze the view; the processes keep running and every "
                                        "event is still recorded (Space)"));
    actions_.stop->setEnabled(live);
    actions_.restart->setEnabled(scenarioPanel_->scenario() != nullptr);
    actions_.exportTimeline->setEnabled(hasTrace);
    actions_.saveTrace->setEnabled(hasTrace);
    actions_.previousEvent->setEnabled(hasTrace);
    actions_.nextEvent->setEnabled(hasTrace);
    auto* follow = actions_.follow;
    follow->setEnabled(live);
    follow->setChecked(live && view_->following() && !view_->playhead());
    scenarioPanel_->setEditable(!live);
    stateView_->setFlashesPacedByFrames(live && !paused);
    programPanel_->setEditable(!live);
    step_->setReplayable(traceScenario_ || traceProgram_);
    step_->updateActions();
    timeline_->setPlayheadEnabled(!live || paused);
}

void MainWindow::onEventActivated(std::uint32_t event) {
    const auto trace = controller_->trace();
    if (!trace) return;
    std::optional<std::int64_t> ts;
    trace->read([&](const trace::TraceData& d) {
        if (event < d.events().size()) ts = d.events()[event].ts;
    });
    if (!ts) return;
    // After a run or while paused, the whole window moves to that instant.
    if (!controller_->isLive() || controller_->paused()) view_->setPlayhead(*ts);
    if (*ts < view_->t0() || *ts > view_->t1()) {
        const std::int64_t half = view_->span() / 2;
        view_->setRange(*ts - half, *ts + half);
    }
    updateActions();
}

void MainWindow::onSelectionChanged() {
    const auto trace = controller_->trace();
    const auto selected = view_->selected();
    if (!trace || !selected) {
        codeView_->setHighlightedLine(0);
        return;
    }
    int line = 0;
    std::int64_t ts = 0;
    QString words;
    trace->read([&](const trace::TraceData& d) {
        if (*selected >= d.events().size()) return;
        line = locator_.lineOf(d, *selected);
        ts = d.events()[*selected].ts;
        words = narrateEvent(d, *selected);
        // No sentence for it (a print, a sleep): the tooltip's details on one line.
        if (words.isEmpty())
            words = render::describeEvent(d, *selected)
                        .replace(QLatin1Char('\n'), QStringLiteral(" \u2014 "));
    });
    codeView_->setHighlightedLine(line);
    logView_->selectEvent(*selected, ts);
    statusBar()->showMessage(words);
}

std::optional<engine::SessionOptions> MainWindow::repeatedRun(QString& why) {
    engine::SessionOptions options;
    options.childExecutable = controller_->childExecutable();
    options.speed = speed_->speed();
    if (program_) {
        if (!recheckProgram()) {
            why = tr("%1 cannot run: see the program panel").arg(programPanel_->title());
            return std::nullopt;
        }
        engine::PythonProgram program = program_->program;
        program.args = programPanel_->arguments();
        program.startMethod = programPanel_->startMethod();
        options.scenario = program.file.string();
        options.python = program;
        options.timeout = programPanel_->timeLimit();
        return options;
    }
    const auto* lesson = scenarioPanel_->scenario();
    if (!lesson) {
        why = tr("Pick a lesson first");
        return std::nullopt;
    }
    options.scenario = lesson->id;
    options.params = scenarioPanel_->parameters();
    return options;
}

void MainWindow::showRepeatDialog() {
    if (!repeatDialog_) {
        repeatDialog_ = new RepeatDialog([this](QString& why) { return repeatedRun(why); }, this);
        connect(repeatDialog_, &RepeatDialog::openRun, this, [this](const QString& file, int run) {
            if (controller_->isLive()) controller_->shutdown();
            const QString error = openTrace(file);
            statusBar()->showMessage(
                error.isEmpty() ? tr("Showing run %1 of Run N times").arg(run) : error, 6000);
        });
    }
    repeatDialog_->setSubject(program_ ? programPanel_->title()
                                       : QString::fromStdString(scenarioPanel_->scenario()->id));
    repeatDialog_->show();
    repeatDialog_->raise();
    repeatDialog_->activateWindow();
}

} // namespace mpviz::gui
