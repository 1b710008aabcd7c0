// Where step mode sits in the window: its menu and toolbar row, and what the window does
// when StepController asks for something (a message, a restart to replay the steps).

#include "gui/window/main_window.hpp"

#include <QAction>
#include <QComboBox>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

namespace mpviz::gui {

void MainWindow::createStepParts() {
    const StepActions& a = step_->actions();
    auto* menu = menuBar()->addMenu(tr("&Step"));
    menu->addActions(
        {a.mode, a.step, a.stepProcess, a.runToEnd, a.stepBack, a.replaySteps, a.logicalTime});
    // Keep Help last.
    const auto actions = menuBar()->actions();
    for (QAction* m : actions)
        if (m->text() == tr("&Help")) {
            menuBar()->removeAction(m);
            menuBar()->addAction(m);
        }

    addToolBarBreak(); // a row of its own: the run toolbar is full on a projector's width
    auto* bar = addToolBar(tr("Step"));
    bar->setObjectName(QStringLiteral("stepToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(a.mode);
    bar->addWidget(step_->policyBox());
    bar->addActions({a.step, a.stepProcess, a.runToEnd, a.stepBack, a.logicalTime});
}

void MainWindow::connectStepParts() {
    connect(step_, &StepController::message, this,
            [this](const QString& text, int ms) { statusBar()->showMessage(text, ms); });
    connect(step_, &StepController::modeChanged, this, &MainWindow::updateActions);
    connect(step_, &StepController::replayRequested, this, [this](const StepStart& start) {
        if (traceProgram_)
            startProgramRun(*traceProgram_, traceTimeLimit_, start);
        else if (traceScenario_)
            startRun(traceScenario_, traceParams_, start);
    });
}

void MainWindow::setStepMode(bool on) {
    step_->setStepMode(on);
}

bool MainWindow::setStepPolicy(const QString& policy) {
    return step_->setPolicy(policy);
}

} // namespace mpviz::gui
