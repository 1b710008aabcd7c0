// Python programs in the window: File ▸ Open Python program… (and Recent, and a dropped
// .py), the program panel in place of the lesson picker, running the program as real
// CPython processes, and what to do when it cannot run (Python 2 code is offered a
// converted copy).

#include "gui/window/main_window.hpp"

#include "gui/code/code_view.hpp"
#include "gui/lesson/scenario_panel.hpp"
#include "gui/program/program_panel.hpp"
#include "gui/program/python2_dialog.hpp"
#include "gui/window/caption_bar.hpp"
#include "gui/window/deadlock_banner.hpp"
#include "gui/window/language.hpp"
#include "gui/window/settings_store.hpp"
#include "gui/window/speed_control.hpp"
#include "scenario.hpp"
#include "trace/clock.hpp"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QStackedWidget>
#include <QStatusBar>

namespace mpviz::gui {

namespace {
std::filesystem::path toPath(const QString& file) {
    return std::filesystem::path(QFile::encodeName(file).toStdString());
}
QString fromPath(const std::filesystem::path& file) {
    return QFile::decodeName(QByteArray::fromStdString(file.string()));
}

// The first local file among the dropped URLs that mpviz opens: a program or a trace.
QString droppedFile(const QMimeData* mime) {
    if (!mime || !mime->hasUrls()) return {};
    for (const QUrl& url : mime->urls()) {
        const QString file = url.toLocalFile();
        if (file.endsWith(QStringLiteral(".py")) || file.endsWith(QStringLiteral(".json")))
            return file;
    }
    return {};
}

QString readSource(const QString& file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll());
}
} // namespace

void MainWindow::createProgramActions() {
    recentMenu_ = new QMenu(tr("Recent programs"), this);
    recentMenu_->setObjectName(QStringLiteral("recentPrograms"));
    rebuildRecentPrograms();
    setAcceptDrops(true);

    connect(actions_.openProgram, &QAction::triggered, this, &MainWindow::showOpenProgramDialog);
    connect(programPanel_, &ProgramPanel::lessonsRequested, this, &MainWindow::closeProgram);
    connect(programPanel_, &ProgramPanel::conversionRequested, this,
            &MainWindow::offerPython2Conversion);
    connect(programPanel_, &ProgramPanel::settingsChanged, this, &MainWindow::saveProgramSettings);
    connect(programPanel_, &ProgramPanel::interpreterChanged, this, [this] {
        if (program_ && !recheckProgram()) showProgramInViews(); // its problem, in the panel
    });
    connect(speed_, &SpeedControl::speedChanged, this, [this] {
        if (program_ && !applyingStartSpeed_) saveProgramSettings();
    });
}

QString MainWindow::openProgram(const QString& file) {
    const QString path = QFileInfo(file).absoluteFilePath();
    if (controller_->isLive()) controller_->shutdown();
    clearRun();
    program_.reset(); // a fresh look: no conversion chosen, settings read anew
    adoptProgram(path);
    settings_->addRecentProgram(path);
    rebuildRecentPrograms();
    recheckProgram();
    showProgramInViews();
    updateActions();
    refreshViews();
    if (!program_->problem) {
        statusBar()->showMessage(tr("Opened %1: press Run (Space) to run it as real processes")
                                     .arg(QFileInfo(path).fileName()),
                                 6000);
        return {};
    }
    showProgramProblem();
    return program_->problem->message;
}

void MainWindow::adoptProgram(const QString& file) {
    const auto path = toPath(file);
    if (program_ && program_->program.file == path) return;
    program_.emplace();
    program_->program.file = path;
    program_->source = readSource(file);
    programPanel_->showProgram(file, program_->source);
    const auto remembered = settings_->programSettings(file);
    programPanel_->setSettings(remembered);
    if (const auto speed = remembered.find("speed"); speed != remembered.end())
        if (const double v = QString::fromStdString(speed->second).toDouble(); v > 0)
            speed_->setSpeed(v);
    lessonStack_->setCurrentIndex(1); // the program panel, in its scroll area
    scenarioDock_->setWindowTitle(tr("Program"));
    setWindowTitle(QStringLiteral("mpviz \u2014 ") + QFileInfo(file).fileName());
}

void MainWindow::showLessonPanel() {
    program_.reset();
    lessonStack_->setCurrentIndex(0); // the lesson panel, in its scroll area
    scenarioDock_->setWindowTitle(tr("Lesson"));
    if (const auto* s = scenarioPanel_->scenario())
        setWindowTitle(QStringLiteral("mpviz \u2014 ") + lessonText(s->title));
}

void MainWindow::closeProgram() {
    if (!program_) return;
    if (python2Dialog_) python2Dialog_->close();
    if (controller_->isLive()) controller_->shutdown();
    showLessonPanel();
    clearRun();
    if (const auto* s = scenarioPanel_->scenario())
        onScenarioPicked(QString::fromStdString(s->id)); // its listing and caption again
    updateActions();
}

void MainWindow::setProgramOptions(const QString& arguments, const QString& startMethod,
                                   const QString& interpreter) {
    if (!program_) return;
    auto values = programPanel_->settings();
    values["args"] = arguments.toStdString();
    values["start_method"] = startMethod.toStdString();
    if (!interpreter.isEmpty()) values["python"] = interpreter.toStdString();
    programPanel_->setSettings(values);
    saveProgramSettings();
    recheckProgram();
}

bool MainWindow::recheckProgram() {
    // The file may have changed since it was opened (edited in the person's own editor):
    // check it and show it as it is now.
    OpenProgram& p = *program_;
    p.program.interpreter = programPanel_->interpreter();
    p.problem = checkProgram(p.program, options_.childExecutable);
    if (p.program.convertPython2 && p.problem && p.problem->python2) {
        const auto preview = previewPython2Conversion(p.program, options_.childExecutable);
        if (preview.error.isEmpty()) {
            p.source = preview.converted;
            p.problem.reset();
        }
    } else {
        p.program.convertPython2 = false; // no longer Python 2 code: run the file itself
        p.source = readSource(fromPath(p.program.file));
    }
    programPanel_->setProblem(p.problem);
    programPanel_->setConverted(p.program.convertPython2);
    return !p.problem;
}

void MainWindow::showProgramProblem() {
    if (!program_ || !program_->problem) return;
    const ProgramProblem& problem = *program_->problem;
    codeView_->setHighlightedLine(problem.line);
    statusBar()->showMessage(problem.message.section(QLatin1Char('\n'), 0, 0), 10000);
    if (problem.python2) return offerPython2Conversion();
    auto* box = new QMessageBox(QMessageBox::Warning, tr("This program cannot run"),
                                problem.message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("programProblemDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // not exec(): the window (and the tests) keep running
}

void MainWindow::offerPython2Conversion() {
    if (!program_ || !program_->problem || !program_->problem->python2) return;
    if (python2Dialog_) python2Dialog_->close();
    const auto preview = previewPython2Conversion(program_->program, options_.childExecutable);
    python2Dialog_ =
        new Python2Dialog(program_->problem->message, preview.diff, preview.error, this);
    python2Dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(python2Dialog_, &Python2Dialog::runConvertedRequested, this, [this] {
        if (!program_) return;
        program_->program.convertPython2 = true;
        run(); // checks again, and shows the converted copy in the code panel
    });
    python2Dialog_->open();
}

void MainWindow::runProgram(const RunController::StepStart& step) {
    if (!recheckProgram()) {
        showProgramInViews();
        return showProgramProblem();
    }
    showProgramInViews(); // the code as it is now
    engine::PythonProgram program = program_->program;
    program.args = programPanel_->arguments();
    program.startMethod = programPanel_->startMethod();
    saveProgramSettings();
    startProgramRun(program, programPanel_->timeLimit(), step);
}

void MainWindow::startProgramRun(const engine::PythonProgram& program, double timeLimit,
                                 const RunController::StepStart& step) {
    traceScenario_ = nullptr;
    traceParams_.clear();
    traceProgram_ = program;
    traceTimeLimit_ = timeLimit;
    runStartedAt_ = trace::nowNs();
    step_->forgetTarget();
    banner_->hide();
    const QString error = controller_->startProgram(program, speed_->speed(), timeLimit, step);
    reportStart(QString::fromStdString(program.file.filename().string()), error, step);
    updateActions();
}

void MainWindow::showProgramInViews() {
    if (!program_) return;
    const QString name = programPanel_->title();
    codeView_->setListing(program_->source);
    locator_ = CodeLocator::forProgram(program_->program.file.filename().string());
    caption_->setExplanation(name, tr("Your own program, run by CPython as real processes."));
    if (program_->problem) codeView_->setHighlightedLine(program_->problem->line);
}

void MainWindow::saveProgramSettings() {
    if (!program_) return;
    auto values = programPanel_->settings();
    if (rememberSpeed_)
        values["speed"] = QString::number(speed_->speed()).toStdString();
    else if (const auto before = settings_->programSettings(fromPath(program_->program.file));
             before.count("speed"))
        values["speed"] = before.at("speed"); // a speed given for this start is not kept
    settings_->setProgramSettings(fromPath(program_->program.file), values);
}

void MainWindow::rebuildRecentPrograms() {
    recentMenu_->clear();
    const QStringList recent = settings_->recentPrograms();
    for (const QString& file : recent) {
        auto* a = recentMenu_->addAction(QFileInfo(file).fileName());
        a->setToolTip(file);
        a->setStatusTip(file);
        connect(a, &QAction::triggered, this, [this, file] { openProgram(file); });
    }
    if (recent.isEmpty()) {
        recentMenu_->addAction(tr("No program opened yet"))->setEnabled(false);
        return;
    }
    recentMenu_->addSeparator();
    connect(recentMenu_->addAction(tr("Clear the list")), &QAction::triggered, this, [this] {
        settings_->clearRecentPrograms();
        rebuildRecentPrograms();
    });
}

void MainWindow::showOpenProgramDialog() {
    const QStringList recent = settings_->recentPrograms();
    const QString start = recent.isEmpty() ? QDir::homePath() : QFileInfo(recent.front()).path();
    const QString file = QFileDialog::getOpenFileName(this, tr("Open a Python program"), start,
                                                      tr("Python programs (*.py);;All files (*)"));
    if (!file.isEmpty()) openProgram(file);
}

QString MainWindow::runName() const {
    if (traceProgram_) return QString::fromStdString(traceProgram_->file.stem().string());
    if (traceScenario_) return QString::fromStdString(traceScenario_->id);
    return QStringLiteral("run");
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppedFile(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString file = droppedFile(event->mimeData());
    if (file.isEmpty()) return;
    event->acceptProposedAction();
    if (file.endsWith(QStringLiteral(".py"))) {
        openProgram(file);
    } else if (const QString error = openTrace(file); !error.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot open the trace"), error,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

} // namespace mpviz::gui
