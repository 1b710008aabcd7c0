#include "gui/run/repeat_runner.hpp"

#include "trace/chrome_json.hpp"

#include <chrono>

namespace mpviz::gui {

RepeatRunner::RepeatRunner(QObject* parent) : QObject(parent) {
    poll_.setInterval(20);
    connect(&poll_, &QTimer::timeout, this, &RepeatRunner::poll);
}

RepeatRunner::~RepeatRunner() {
    poll_.stop();
    session_.reset(); // stops and cleans up a run still going
}

QString RepeatRunner::start(RepeatPlan plan) {
    cancel();
    outcomes_.clear();
    dir_.reset();
    try {
        dir_.emplace("runs");
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    plan_ = std::move(plan);
    startNext();
    return {};
}

void RepeatRunner::cancel() {
    if (!session_) return;
    endAll(true, {});
}

std::filesystem::path RepeatRunner::traceOf(int run) const {
    if (!dir_ || run < 1 || run > done()) return {};
    return fileOf(run);
}

std::filesystem::path RepeatRunner::fileOf(int run) const {
    return dir_->path() / ("run-" + std::to_string(run) + ".json");
}

void RepeatRunner::startNext() {
    engine::SessionOptions options = plan_.session;
    if (plan_.seedEachRun) {
        options.step = true;
        options.schedule = "random:" + std::to_string(done() + 1);
    }
    try {
        session_ = std::make_unique<engine::Session>(options);
        session_->start();
    } catch (const std::exception& e) {
        return endAll(false, QString::fromStdString(e.what()));
    }
    poll_.start();
}

void RepeatRunner::poll() {
    if (!session_ || !session_->wait_for(std::chrono::milliseconds(0))) return;
    session_->wait();
    const int run = done() + 1;
    engine::RunOutcome outcome;
    QString error;
    session_->trace()->read([&](const trace::TraceData& d) {
        outcome = engine::runOutcome(d);
        try {
            trace::saveChromeJson(d, fileOf(run), MPVIZ_VERSION);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
    });
    session_.reset();
    poll_.stop();
    if (!error.isEmpty()) return endAll(false, error);
    outcomes_.push_back(std::move(outcome));
    Q_EMIT progressed(done(), total());
    if (done() < total())
        startNext();
    else
        endAll(false, {});
}

void RepeatRunner::endAll(bool cancelled, const QString& error) {
    poll_.stop();
    session_.reset(); // a run going on is stopped and cleaned up
    Q_EMIT finished(cancelled, error);
}

} // namespace mpviz::gui
