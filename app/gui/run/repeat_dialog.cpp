#include "gui/run/repeat_dialog.hpp"

#include "gui/run/outcome_chart.hpp"

#include <QCheckBox>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mpviz::gui {

RepeatDialog::RepeatDialog(RunMaker makeRun, QWidget* parent)
    : QDialog(parent), makeRun_(std::move(makeRun)), runner_(new RepeatRunner(this)) {
    setObjectName(QStringLiteral("repeatDialog"));
    setWindowTitle(tr("Run N times"));
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);

    runs_ = new QSpinBox(this);
    runs_->setObjectName(QStringLiteral("repeatRuns"));
    runs_->setRange(2, engine::kMaxRepeatRuns);
    runs_->setValue(20);
    runs_->setMaximumWidth(runs_->fontMetrics().averageCharWidth() * 12);
    runs_->setToolTip(tr("How many times to run it, one run after the other (up to %1)")
                          .arg(engine::kMaxRepeatRuns));
    seeded_ = new QCheckBox(tr("A different random schedule each run (run i uses seed i)"), this);
    seeded_->setObjectName(QStringLiteral("repeatSeeded"));
    seeded_->setChecked(true);
    seeded_->setToolTip(tr("Each run is stepped by the random policy with its own seed, so "
                           "the interleavings differ and any outcome can be replayed exactly. "
                           "Off: the operating system schedules the processes, as in a normal "
                           "run"));
    auto* form = new QFormLayout;
    form->addRow(tr("Runs:"), runs_);
    form->addRow(QString(), seeded_);

    progress_ = new QProgressBar(this);
    progress_->setTextVisible(true);
    status_ = new QLabel(this);
    status_->setWordWrap(true);

    chart_ = new OutcomeChart(this);
    chart_->setObjectName(QStringLiteral("outcomeChart"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(chart_);
    scroll->setWidgetResizable(true);
    scroll->setMinimumHeight(160);

    auto* buttons = new QDialogButtonBox(this);
    start_ = buttons->addButton(tr("Start"), QDialogButtonBox::AcceptRole);
    start_->setObjectName(QStringLiteral("repeatStart"));
    start_->setToolTip(tr("Start the runs (what was counted before is forgotten)"));
    stop_ = buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole);
    stop_->setToolTip(tr("Stop the run going on; the runs already done stay counted"));
    stop_->setEnabled(false);
    auto* close = buttons->addButton(QDialogButtonBox::Close);
    close->setToolTip(tr("Close; the counted runs stay until the next Start"));
    // Not accept(): Start keeps the dialog open.
    disconnect(buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(start_, &QPushButton::clicked, this, &RepeatDialog::startRuns);
    connect(stop_, &QPushButton::clicked, runner_, &RepeatRunner::cancel);
    connect(close, &QPushButton::clicked, this, &QDialog::close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro_);
    layout->addLayout(form);
    layout->addWidget(progress_);
    layout->addWidget(status_);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);

    connect(runner_, &RepeatRunner::progressed, this, &RepeatDialog::showProgress);
    connect(runner_, &RepeatRunner::finished, this, &RepeatDialog::onFinished);
    connect(chart_, &OutcomeChart::runChosen, this, [this](int run) {
        Q_EMIT openRun(QString::fromStdString(runner_->traceOf(run).string()), run);
    });
    setSubject(QString());
    showProgress();
    resize(640, 480);
}

void RepeatDialog::setSubject(const QString& name) {
    intro_->setText(
        tr("Runs %1 again and again, one run after the other, and counts how the runs end: "
           "how each ended and the last line it printed. Your run in the window stays as it "
           "is.")
            .arg(name.isEmpty() ? tr("the lesson") : name));
}

void RepeatDialog::setRuns(int runs) {
    runs_->setValue(runs);
}

void RepeatDialog::setSeeded(bool seeded) {
    seeded_->setChecked(seeded);
}

void RepeatDialog::startRuns() {
    QString why;
    auto session = makeRun_(why);
    if (!session) {
        status_->setText(why);
        return;
    }
    RepeatPlan plan;
    plan.session = std::move(*session);
    plan.runs = runs_->value();
    plan.seedEachRun = seeded_->isChecked();
    if (const QString error = runner_->start(std::move(plan)); !error.isEmpty()) {
        status_->setText(tr("The runs could not start: %1").arg(error));
        return;
    }
    start_->setEnabled(false);
    stop_->setEnabled(true);
    runs_->setEnabled(false);
    seeded_->setEnabled(false);
    showProgress();
}

void RepeatDialog::showProgress() {
    progress_->setRange(0, runner_->total());
    progress_->setValue(runner_->done());
    progress_->setFormat(tr("%1 of %2 runs").arg(runner_->done()).arg(runner_->total()));
    if (runner_->running())
        status_->setText(
            tr("Run %1 of %2 is going on\u2026").arg(runner_->done() + 1).arg(runner_->total()));
    chart_->setOutcomes(runner_->groups(), runner_->done(), runner_->seeded());
}

void RepeatDialog::onFinished(bool cancelled, const QString& error) {
    start_->setEnabled(true);
    stop_->setEnabled(false);
    runs_->setEnabled(true);
    seeded_->setEnabled(true);
    showProgress();
    const auto groups = runner_->groups();
    if (!error.isEmpty())
        status_->setText(tr("Stopped by an error: %1").arg(error));
    else if (cancelled)
        status_->setText(
            tr("Stopped after %1 of %2 runs.").arg(runner_->done()).arg(runner_->total()));
    else
        status_->setText((groups.size() == 1 ? tr("One outcome in %1 runs.")
                                             : tr("%1 outcomes in %2 runs.").arg(groups.size()))
                             .arg(runner_->done()) +
                         QLatin1Char(' ') + tr("Click one to open its first run in the timeline."));
}

void RepeatDialog::closeEvent(QCloseEvent* event) {
    runner_->cancel(); // no process outlives the dialog's view of it
    QDialog::closeEvent(event);
}

} // namespace mpviz::gui
