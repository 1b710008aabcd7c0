#include "gui/run_controller.hpp"

#include "engine/session.hpp"
#include "trace/chrome_json.hpp"

#include <QPointer>

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

std::int64_t RunController::monotonicNow() {
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

void RunController::endSession() {
    if (!session_) return;
    // No more notifications: the Session's destructor stops the run and joins its thread,
    // so nothing can call into us once it returns.
    session_->setOnChange({});
    session_.reset();
}

QString RunController::start(const std::string& scenario,
                             const std::map<std::string, std::string>& params, double speed) {
    endSession();
    ++generation_;
    paused_ = false;
    finishedEmitted_ = false;
    engine::SessionOptions options;
    options.scenario = scenario;
    options.params = params;
    options.speed = speed;
    options.childExecutable = childExecutable_;
    auto session = std::make_unique<engine::Session>(options);

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
    try {
        session->start();
    } catch (const std::exception& e) {
        session->setOnChange({});
        return QString::fromStdString(e.what());
    }
    session_ = std::move(session);
    trace_ = session_->trace();
    Q_EMIT traceReplaced();
    frameTimer_.start();
    Q_EMIT pausedChanged(false);
    return {};
}

void RunController::onEngineBatch(std::uint64_t generation) {
    if (generation != generation_ || !session_) return; // a superseded run's late news
    pending_->store(false);
    if (!frameTimer_.isActive() && !finishedEmitted_) frameTimer_.start();
    if (session_->finished()) onFrameTimer(); // deliver the outcome without waiting
}

void RunController::onFrameTimer() {
    if (!session_) {
        frameTimer_.stop();
        return;
    }
    if (session_->finished()) {
        frameTimer_.stop();
        if (finishedEmitted_) return;
        finishedEmitted_ = true;
        if (paused_) {
            paused_ = false;
            Q_EMIT pausedChanged(false);
        }
        Q_EMIT frame();
        Q_EMIT finished(session_->outcome());
        return;
    }
    if (!paused_) Q_EMIT frame();
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
    if (paused_) pausedAt_ = monotonicNow();
    Q_EMIT pausedChanged(paused_);
    if (!paused_) Q_EMIT frame();
}

bool RunController::isLive() const {
    return session_ && !finishedEmitted_;
}
bool RunController::hasSession() const {
    return session_ != nullptr;
}

trace::Outcome RunController::outcome() const {
    if (session_) return finishedEmitted_ ? session_->outcome() : trace::Outcome::Running;
    return trace_ ? fileOutcome_ : trace::Outcome::Running;
}

std::optional<std::int64_t> RunController::now() const {
    if (!isLive()) return std::nullopt;
    return paused_ ? pausedAt_ : monotonicNow();
}

std::uint64_t RunController::traceVersion() const {
    return trace_ ? trace_->version() : 0;
}

} // namespace mpviz::gui
