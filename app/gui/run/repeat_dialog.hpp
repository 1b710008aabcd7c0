#pragma once
// Run ▸ Run N times…: how many runs and whether each gets its own random schedule, progress
// with Stop, and the outcomes as bars; a bar opens its first run in the timeline.

#include "gui/run/repeat_runner.hpp"

#include <QDialog>

#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace mpviz::gui {

class OutcomeChart;

class RepeatDialog : public QDialog {
    Q_OBJECT
  public:
    // What one run is, asked at each Start (the lesson's parameters may have changed since):
    // the session, or nothing with a sentence saying why not.
    using RunMaker = std::function<std::optional<engine::SessionOptions>(QString& why)>;

    RepeatDialog(RunMaker makeRun, QWidget* parent = nullptr);
    void setSubject(const QString& name); // "shared-value", "workers.py"
    void setRuns(int runs);
    void setSeeded(bool seeded);

    void startRuns();
    RepeatRunner* runner() const { return runner_; }

  Q_SIGNALS:
    void openRun(const QString& traceFile, int run);

  protected:
    void closeEvent(QCloseEvent* event) override;

  private:
    void showProgress();
    void onFinished(bool cancelled, const QString& error);

    RunMaker makeRun_;
    RepeatRunner* runner_;
    QLabel* intro_;
    QSpinBox* runs_;
    QCheckBox* seeded_;
    QPushButton* start_;
    QPushButton* stop_;
    QProgressBar* progress_;
    QLabel* status_;
    OutcomeChart* chart_;
};

} // namespace mpviz::gui
