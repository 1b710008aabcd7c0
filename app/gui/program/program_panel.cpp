#include "gui/program/program_panel.hpp"

#include "gui/program/program_summary.hpp"
#include "gui/window/fonts.hpp"

#include "engine/python_program.hpp"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace mpviz::gui {

namespace {
QLabel* wrappingLabel(const QString& objectName, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    return label;
}

QLabel* heading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setFont(boldFont(label->font()));
    return label;
}
} // namespace

ProgramPanel::ProgramPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("programPanel"));
    auto* layout = new QVBoxLayout(this);

    auto* lessons = new QPushButton(tr("\u2190 Lessons"), this);
    lessons->setObjectName(QStringLiteral("backToLessons"));
    lessons->setToolTip(tr("Close this program and pick one of the built-in lessons"));
    layout->addWidget(lessons, 0, Qt::AlignLeft);

    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("programTitle"));
    title_->setWordWrap(true);
    title_->setFont(panelTitleFont(font()));
    layout->addWidget(title_);
    where_ = wrappingLabel(QStringLiteral("programLocation"), this);
    where_->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(where_);

    problemBox_ = new QFrame(this);
    problemBox_->setObjectName(QStringLiteral("programProblem"));
    // The deadlock banner's colours: a problem reads the same wherever it is shown.
    problemBox_->setStyleSheet(
        QStringLiteral("#programProblem { background: #fbe3d4; border: 2px solid #d55e00; "
                       "border-radius: 4px; } #programProblem QLabel { color: #3a1a00; }"));
    auto* problemLayout = new QVBoxLayout(problemBox_);
    problem_ = wrappingLabel(QStringLiteral("programProblemText"), problemBox_);
    problemLayout->addWidget(problem_);
    convert_ = new QPushButton(tr("Show the conversion\u2026"), problemBox_);
    convert_->setObjectName(QStringLiteral("showConversion"));
    convert_->setToolTip(tr("See what lib2to3 changes to make it Python 3, then run that "
                            "converted copy (your file is never modified)"));
    problemLayout->addWidget(convert_, 0, Qt::AlignLeft);
    problemBox_->hide();
    layout->addWidget(problemBox_);

    converted_ = wrappingLabel(QStringLiteral("programConverted"), this);
    converted_->setText(tr("Runs a copy converted from Python 2 by lib2to3; your file is "
                           "unchanged. The code panel shows the converted copy."));
    converted_->hide();
    layout->addWidget(converted_);

    layout->addWidget(heading(tr("Uses"), this));
    primitives_ = wrappingLabel(QStringLiteral("programPrimitives"), this);
    primitives_->setToolTip(tr("The multiprocessing objects this run has made so far, named as "
                               "the program names them"));
    layout->addWidget(primitives_);

    notShownHeading_ = heading(tr("Not drawn"), this);
    layout->addWidget(notShownHeading_);
    notShown_ = wrappingLabel(QStringLiteral("programNotShown"), this);
    layout->addWidget(notShown_);

    auto* group = new QGroupBox(tr("How to run it"), this);
    auto* form = new QFormLayout(group);
    args_ = new QLineEdit(group);
    args_->setObjectName(QStringLiteral("programArguments"));
    args_->setPlaceholderText(tr("none"));
    args_->setToolTip(tr("Command-line arguments (sys.argv[1:]), separated by spaces; "
                         "\"double quotes\" keep spaces together"));
    form->addRow(tr("Arguments"), args_);
    method_ = new QComboBox(group);
    method_->setObjectName(QStringLiteral("programStartMethod"));
    method_->addItem(tr("The program's own"), QString());
    method_->addItem(QStringLiteral("fork"), QStringLiteral("fork"));
    method_->addItem(QStringLiteral("spawn"), QStringLiteral("spawn"));
    method_->addItem(QStringLiteral("forkserver"), QStringLiteral("forkserver"));
    method_->setToolTip(tr("How multiprocessing starts processes: the program's own choice "
                           "(fork on Linux), or forced; a set_start_method() call in the "
                           "program still wins"));
    form->addRow(tr("Start method"), method_);
    form->addRow(tr("Python"), makeInterpreterRow(group));
    limit_ = new QDoubleSpinBox(group);
    limit_->setObjectName(QStringLiteral("programTimeLimit"));
    limit_->setRange(0, 3600);
    limit_->setDecimals(0);
    limit_->setSuffix(tr(" s"));
    limit_->setSpecialValueText(tr("none"));
    limit_->setToolTip(tr("Stop the run after this many seconds (\u201ctimed out\u201d). None: "
                          "it runs until it ends or you press Stop"));
    form->addRow(tr("Time limit"), limit_);
    auto* speedNote = wrappingLabel(QStringLiteral("programSpeedNote"), group);
    speedNote->setText(tr("Speed: the toolbar's slider divides the program's sleeps and "
                          "timeouts; it is remembered for this program."));
    form->addRow(speedNote);
    layout->addWidget(group);
    layout->addStretch(1);

    connect(lessons, &QPushButton::clicked, this, &ProgramPanel::lessonsRequested);
    connect(convert_, &QPushButton::clicked, this, &ProgramPanel::conversionRequested);
    connect(args_, &QLineEdit::editingFinished, this, &ProgramPanel::settingsChanged);
    connect(method_, &QComboBox::currentIndexChanged, this, &ProgramPanel::settingsChanged);
    connect(limit_, &QDoubleSpinBox::valueChanged, this, &ProgramPanel::settingsChanged);
    connect(python_, &QLineEdit::editingFinished, this, [this] {
        if (python_->text() == shownInterpreter_) return;
        shownInterpreter_ = python_->text();
        Q_EMIT interpreterChanged();
        Q_EMIT settingsChanged();
    });
    setPrimitives({});
}

QWidget* ProgramPanel::makeInterpreterRow(QWidget* parent) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    python_ = new QLineEdit(row);
    python_->setObjectName(QStringLiteral("programInterpreter"));
    python_->setPlaceholderText(
        QString::fromStdString(engine::defaultPythonInterpreter().string()));
    python_->setToolTip(tr("The Python 3 interpreter (3.8 or newer) that runs the program, "
                           "e.g. a virtual environment's bin/python; empty: the system's"));
    python_->setClearButtonEnabled(true);
    layout->addWidget(python_, 1);
    auto* choose = new QToolButton(row);
    choose->setObjectName(QStringLiteral("chooseInterpreter"));
    choose->setText(QStringLiteral("\u2026"));
    choose->setToolTip(tr("Choose the Python interpreter"));
    layout->addWidget(choose);
    connect(choose, &QToolButton::clicked, this, [this] {
        const QString start = python_->text().isEmpty() ? QStringLiteral("/usr/bin")
                                                        : QFileInfo(python_->text()).path();
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Choose the Python interpreter"), start);
        if (file.isEmpty()) return;
        python_->setText(file);
        Q_EMIT python_->editingFinished();
    });
    return row;
}

void ProgramPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) title_->setFont(panelTitleFont(font()));
}

void ProgramPanel::showProgram(const QString& file, const QString& source) {
    const QFileInfo info(file);
    title_->setText(info.fileName());
    title_->setToolTip(info.absoluteFilePath());
    where_->setText(tr("Your own program, in %1").arg(info.absolutePath()));
    where_->setToolTip(info.absoluteFilePath());
    // Said only of what this program uses: a note about Managers under a program without
    // one is a paragraph to read past on a small screen.
    QStringList notes;
    const QStringList only = processesOnlyFeatures(source);
    if (!only.isEmpty())
        notes << tr("This program uses %1: you will see its processes, but not its objects or "
                    "calls.")
                     .arg(only.join(tr(" and ")));
    const QStringList waits = unseenWaits(source);
    if (!waits.isEmpty())
        notes << tr("It waits on a %1: mpviz does not see that wait, so a process waiting there "
                    "is drawn as running.")
                     .arg(waits.join(tr(" or ")));
    notShown_->setText(notes.join(QLatin1Char(' ')));
    notShownHeading_->setVisible(!notes.isEmpty());
    notShown_->setVisible(!notes.isEmpty());
    setPrimitives({});
    setProblem(std::nullopt);
    setConverted(false);
}

void ProgramPanel::setPrimitives(const QString& used) {
    primitives_->setText(used.isEmpty() ? tr("Nothing seen yet: run it to find out.") : used);
}

void ProgramPanel::setProblem(const std::optional<ProgramProblem>& problem) {
    problem_->setText(problem ? problem->message : QString());
    convert_->setVisible(problem && problem->python2);
    problemBox_->setVisible(problem.has_value());
}

void ProgramPanel::setConverted(bool converted) {
    converted_->setVisible(converted);
}

QString ProgramPanel::argumentsText() const {
    return args_->text();
}

std::vector<std::string> ProgramPanel::arguments() const {
    std::vector<std::string> out;
    for (const QString& a : QProcess::splitCommand(args_->text()))
        out.push_back(a.toStdString());
    return out;
}

std::string ProgramPanel::startMethod() const {
    return method_->currentData().toString().toStdString();
}

std::string ProgramPanel::interpreter() const {
    return python_->text().trimmed().toStdString();
}

double ProgramPanel::timeLimit() const {
    return limit_->value();
}

std::map<std::string, std::string> ProgramPanel::settings() const {
    return {{"args", args_->text().toStdString()},
            {"start_method", startMethod()},
            {"python", interpreter()},
            {"time_limit", QString::number(limit_->value()).toStdString()}};
}

void ProgramPanel::setSettings(const std::map<std::string, std::string>& values) {
    const auto get = [&](const char* name) {
        const auto it = values.find(name);
        return it == values.end() ? QString() : QString::fromStdString(it->second);
    };
    const QSignalBlocker a(args_), m(method_), l(limit_), py(python_);
    args_->setText(get("args"));
    python_->setText(get("python"));
    shownInterpreter_ = python_->text();
    method_->setCurrentIndex(std::max(0, method_->findData(get("start_method"))));
    limit_->setValue(get("time_limit").toDouble());
}

void ProgramPanel::setEditable(bool editable) {
    args_->setEnabled(editable);
    method_->setEnabled(editable);
    limit_->setEnabled(editable);
    python_->parentWidget()->setEnabled(editable);
}

QString ProgramPanel::title() const {
    return title_->text();
}
QString ProgramPanel::titleTooltip() const {
    return title_->toolTip();
}
QString ProgramPanel::primitivesText() const {
    return primitives_->text();
}
QString ProgramPanel::notShownText() const {
    return notShown_->text();
}
QString ProgramPanel::problemText() const {
    return problemBox_->isHidden() ? QString() : problem_->text();
}

} // namespace mpviz::gui
