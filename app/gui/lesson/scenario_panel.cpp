#include "gui/lesson/scenario_panel.hpp"

#include "gui/window/language.hpp"
#include "scenario.hpp"

#include "gui/lesson/parameter_form.hpp"
#include "gui/window/fonts.hpp"

#include <QComboBox>
#include <QEvent>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace mpviz::gui {

ScenarioPanel::ScenarioPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    picker_ = new QComboBox(this);
    picker_->setObjectName(QStringLiteral("scenarioPicker"));
    picker_->setToolTip(tr("Choose a lesson. Each one runs as real processes with real "
                           "locks, queues and pipes."));
    for (const auto& s : scenarios::all())
        picker_->addItem(QString::fromStdString(s.id), QString::fromStdString(s.id));
    layout->addWidget(picker_);

    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("scenarioTitle"));
    title_->setWordWrap(true);
    title_->setFont(panelTitleFont(font()));
    layout->addWidget(title_);

    auto* watch = new QLabel(tr("What to watch for"), this);
    watch->setFont(boldFont(watch->font()));
    layout->addWidget(watch);
    explanation_ = new QLabel(this);
    explanation_->setObjectName(QStringLiteral("scenarioExplanation"));
    explanation_->setWordWrap(true);
    explanation_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    explanation_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(explanation_);

    auto* group = new QGroupBox(tr("Parameters"), this);
    auto* groupLayout = new QVBoxLayout(group);
    form_ = new ParameterForm(group);
    groupLayout->addWidget(form_);
    reset_ = new QPushButton(tr("Reset to defaults"), group);
    reset_->setObjectName(QStringLiteral("resetParameters"));
    reset_->setToolTip(tr("Put every parameter back to the lesson's own value"));
    groupLayout->addWidget(reset_, 0, Qt::AlignLeft);
    layout->addWidget(group);
    layout->addStretch(1);

    connect(picker_, &QComboBox::currentIndexChanged, this, &ScenarioPanel::showScenario);
    connect(reset_, &QPushButton::clicked, form_, &ParameterForm::resetToDefaults);
    connect(form_, &ParameterForm::valuesChanged, this, [this] {
        reset_->setEnabled(!form_->atDefaults());
        Q_EMIT parametersChanged();
    });
    showScenario(picker_->currentIndex());
}

void ScenarioPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) title_->setFont(panelTitleFont(font()));
}

void ScenarioPanel::showScenario(int row) {
    const auto all = scenarios::all();
    if (row < 0 || static_cast<std::size_t>(row) >= all.size()) return;
    scenario_ = &all[row];
    picker_->setToolTip(lessonText(scenario_->title));
    title_->setText(lessonText(scenario_->title));
    explanation_->setText(lessonText(scenario_->explanation));
    form_->setScenario(scenario_);
    reset_->setEnabled(false);
    reset_->setVisible(!scenario_->parameters.empty());
    Q_EMIT scenarioChanged(QString::fromStdString(scenario_->id));
}

bool ScenarioPanel::setScenario(const std::string& id) {
    const int row = picker_->findData(QString::fromStdString(id));
    if (row < 0) return false;
    if (row == picker_->currentIndex()) return true;
    picker_->setCurrentIndex(row);
    return true;
}

std::map<std::string, std::string> ScenarioPanel::parameters() const {
    return form_->values();
}

void ScenarioPanel::setParameters(const std::map<std::string, std::string>& values) {
    form_->setValues(values);
}

void ScenarioPanel::setEditable(bool editable) {
    picker_->setEnabled(editable);
    form_->setEnabled(editable);
    reset_->setEnabled(editable && !form_->atDefaults());
}

} // namespace mpviz::gui
