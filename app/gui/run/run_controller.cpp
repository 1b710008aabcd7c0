#include "gui/run/run_controller.hpp"

#include "engine/session.hpp"
#include "trace/chrome_json.hpp"
#include "trace/clock.hpp"

#include <QPointer>

#include <algorithm>
#include <chrono>
#include <time.h>

namespace mpviz::gui {

RunController::RunController(std::filesystem::path childExecutable, QObject* parent)
    : QObject(parent), childExecutable_(std::move(childExecutable)) {
    frameTimer_.setInterval(kFrameMs);
    frameTimer_.setTimerType(Qt::PreciseTimer);
    connect(&frameTimer_, &QTimer::timeout, this, &RunController::onFrameTimer);
}

RunController::~RunController() {
    shutdown();
}

void RunController::endSession() {
    if (!session_) return;
    // No more notifications: the Session's destructor stops the run and joins its thread,
    // so nothing can call into us once it returns.
    session_->setOnChange({});
    session_.reset();
}

QString RunController::start(const std::string& scenario,
                             const std::map<std::string, std::string>& params, double speed,
                             const StepStart& stepStart) {
    engine::SessionOptions options;
    options.scenario = scenario;
    options.params = params;
    options.speed = speed;
    return startSession(std::move(options), stepStart);
}

QString RunController::startProgram(const engine::PythonProgram& program, double speed,
                                    double timeLimit, const StepStart& stepStart) {
    engine::SessionOptions options;
    // The trace names the program by its path, as `mpviz run PROGRAM.py` does.
    options.scenario = program.file.string();
    options.python = program;
    options.speed = speed;
    options.timeout = timeLimit; // 0: until it ends or Stop
    return startSession(std::move(options), stepStart);
}

QString RunController::startSession(engine::SessionOptions options, const StepStart& stepStart) {
    endSession();
    ++generation_;
    paused_ = false;
    finishedEmitted_ = false;
    options.childExecutable = childExecutable_;
    options.step = stepStart.step;
    options.afterSchedule = stepStart.policy.empty() ? std::string("fifo") : stepStart.policy;
    if (!stepStart.replay.empty() && stepStart.replaySteps > 0) {
        std::string names;
        for (const auto& n : stepStart.replay)
            names += (names.empty() ? "" : ",") + n;
        options.schedule = names;
        options.autoGrantLimit = stepStart.replaySteps;
        options.step = true;
    }
    std::unique_ptr<engine::Session> session;
    try {
        session = std::make_unique<engine::Session>(options);
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }

    pending_ = std::make_shared<std::atomic<bool>>(false);
    QPointer<RunController> self(this);
    const std::uint64_t generation = generation_;
    // Engine thread: flag the batch and post one call to the GUI thread; batches that
    // arrive before it ran are covered by the same call.
    session->setOnChange([self, generation, pending = pending_] {
        if (pending->exchange(true)) return;
        RunController* target = self.data();
        if (!target) return;
        QMetaObject::invokeMethod(
            target,
            [self, generation] {
                if (self) self->onEngineBatch(generation);
            },
            Qt::QueuedConnection);
    });
    // The views take the new, empty run and get ready before its first process starts:
    // that work must not stand between the processes' first events and the screen.
    const auto previous = trace_;
    session_ = std::move(session);
    stepMode_ = options.step;
    steppedThroughout_ = options.step;
    trace_ = session_->trace();
    logicalOf_ = 0;
    syncLogical(true);
    Q_EMIT traceReplaced();
    Q_EMIT aboutToLaunch();
    try {
        session_->start();
    } catch (const std::exception& e) {
        endSession();
        trace_ = previous; // the last run stays on screen
        logicalOf_ = 0;
        syncLogical(true);
        Q_EMIT traceReplaced();
        return QString::fromStdString(e.what());
    }
    frameTimer_.start();
    Q_EMIT pausedChanged(false);
    return {};
}

void RunController::onEngineBatch(std::uint64_t generation) {
    if (generation != generation_ || !session_) return; // a superseded run's late news
    pending_->store(false);
    if (session_->finished()) return onFrameTimer(); // deliver the outcome without waiting
    if (finishedEmitted_) return;
    // Shown by the frame after their arrival, not at the clock's next tick.
    newsWaiting_ = true;
    const qint64 since = lastNewsFrame_.isValid() ? lastNewsFrame_.elapsed() : kNewsFrameGapMs;
    const int wait = static_cast<int>(std::max<qint64>(0, kNewsFrameGapMs - since));
    if (wait == 0) return onFrameTimer();
    if (!frameTimer_.isActive() || frameTimer_.remainingTime() > wait) frameTimer_.start(wait);
}

void RunController::onFrameTimer() {
    if (!session_) {
        frameTimer_.stop();
        return;
    }
    syncLogical();
    if (session_->finished()) {
        frameTimer_.stop();
        if (finishedEmitted_) return;
        syncLogical(true); // the final picture, whatever the throttle said
        finishedEmitted_ = true;
        if (paused_) {
            paused_ = false;
            Q_EMIT pausedChanged(false);
        }
        Q_EMIT frame();
        Q_EMIT finished(session_->outcome());
        return;
    }
    frameTimer_.start(kFrameMs); // the next tick one frame from this one
    if (paused_) return;
    if (newsWaiting_) {
        newsWaiting_ = false;
        lastNewsFrame_.start();
    }
    Q_EMIT frame();
}

void RunController::stop() {
    if (session_ && !session_->finished()) session_->stop();
}

void RunController::shutdown() {
    frameTimer_.stop();
    if (!session_) return;
    const bool wasLive = !session_->finished();
    endSession();
    if (wasLive && !finishedEmitted_) {
        finishedEmitted_ = true;
        Q_EMIT finished(trace::Outcome::Stopped);
    }
}

QString RunController::open(const std::filesystem::path& file) {
    trace::TraceData data;
    try {
        data = trace::loadChromeJson(file);
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    endSession();
    ++generation_;
    frameTimer_.stop();
    paused_ = false;
    finishedEmitted_ = true;
    fileOutcome_ = data.outcome();
    auto shared = std::make_shared<trace::SharedTrace>();
    shared->write([&](trace::TraceData& t) { t = std::move(data); });
    trace_ = std::move(shared);
    logicalOf_ = 0;
    syncLogical(true);
    Q_EMIT traceReplaced();
    Q_EMIT pausedChanged(false);
    return {};
}

void RunController::clear() {
    shutdown();
    ++generation_;
    paused_ = false;
    if (!trace_) return;
    trace_.reset();
    Q_EMIT traceReplaced();
}

QString RunController::save(const std::filesystem::path& file) const {
    if (!trace_) return tr("There is no run to save yet.");
    try {
        trace_->read(
            [&](const trace::TraceData& d) { trace::saveChromeJson(d, file, MPVIZ_VERSION); });
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

void RunController::setPaused(bool paused) {
    if (!isLive()) paused = false;
    if (paused == paused_) return;
    paused_ = paused;
    if (paused_) pausedAt_ = trace::nowNs();
    Q_EMIT pausedChanged(paused_);
    if (!paused_) Q_EMIT frame();
}

bool RunController::isLive() const {
    return session_ && !finishedEmitted_;
}
bool RunController::hasSession() const {
    return session_ != nullptr;
}
std::string RunController::sessionId() const {
    return session_ ? session_->sessionId() : std::string();
}

trace::Outcome RunController::outcome() const {
    if (session_) return finishedEmitted_ ? session_->outcome() : trace::Outcome::Running;
    return trace_ ? fileOutcome_ : trace::Outcome::Running;
}

std::optional<std::int64_t> RunController::now() const {
    if (!isLive()) return std::nullopt;
    const std::int64_t t = paused_ ? pausedAt_ : trace::nowNs();
    return logicalTime_ ? logicalClock_.toLogical(t) : t;
}

void RunController::syncLogical(bool force) {
    if (!logicalTime_ || !trace_) return;
    const std::uint64_t version = trace_->version();
    if (version == logicalOf_) return;
    if (!force &&
        (paused_ || (logicalBuilt_.isValid() &&
                     logicalBuilt_.elapsed() < std::max<qint64>(100, 5 * logicalCostMs_))))
        return;
    QElapsedTimer cost;
    cost.start();
    logicalOf_ = version;
    trace::TraceData copy;
    trace_->read([&](const trace::TraceData& d) {
        logicalClock_ = trace::LogicalClock(d);
        copy = trace::toLogicalTime(d, logicalClock_);
    });
    logical_->write([&](trace::TraceData& t) { t = std::move(copy); });
    logicalCostMs_ = cost.elapsed();
    logicalBuilt_.start();
    Q_EMIT logicalRebuilt();
}

void RunController::setLogicalTime(bool on) {
    if (on == logicalTime_) return;
    logicalTime_ = on;
    logicalOf_ = 0;
    syncLogical(true);
    if (trace_) Q_EMIT traceReplaced();
}

void RunController::setStepMode(bool step) {
    if (!isLive()) return;
    stepMode_ = step;
    if (!step) steppedThroughout_ = false;
    session_->setStepMode(step);
}

bool RunController::stepMode() const {
    return isLive() && stepMode_;
}

void RunController::step() {
    if (isLive()) session_->step();
}

void RunController::grant(int process) {
    if (isLive()) session_->grant(process);
}

QString RunController::setPolicy(const std::string& policy) {
    if (!isLive()) return {};
    try {
        session_->setSchedule(policy);
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

std::vector<engine::PendingIntent> RunController::pendingIntents() const {
    if (!isLive()) return {};
    return session_->pendingIntents();
}

bool RunController::replaying() const {
    return isLive() && session_->replaying();
}

std::vector<std::string> RunController::grantLog() const {
    return session_ ? session_->grantLog() : std::vector<std::string>{};
}

std::uint64_t RunController::traceVersion() const {
    const auto shown = trace();
    return shown ? shown->version() : 0;
}

} // namespace mpviz::gui
