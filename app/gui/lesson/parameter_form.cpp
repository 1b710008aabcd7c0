#include "gui/lesson/parameter_form.hpp"

#include "gui/window/language.hpp"
#include "scenario.hpp"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <cmath>

namespace mpviz::gui {

using scenarios::Parameter;

ParameterForm::ParameterForm(QWidget* parent) : QWidget(parent), layout_(new QFormLayout(this)) {
    layout_->setContentsMargins(0, 0, 0, 0);
    layout_->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
}

void ParameterForm::passSpaceOn(QWidget* numberField) {
    numberField->installEventFilter(this);
    for (auto* edit : numberField->findChildren<QLineEdit*>())
        edit->installEventFilter(this);
}

bool ParameterForm::eventFilter(QObject* watched, QEvent* event) {
    const auto type = event->type();
    if (type == QEvent::ShortcutOverride || type == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
            if (type == QEvent::ShortcutOverride) event->ignore(); // the shortcut may have it
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

template <typename SpinBox>
SpinBox* ParameterForm::numberField(SpinBox* spin, const QString& help) {
    spin->setToolTip(
        help +
        tr("\n%1 to %2, default %3").arg(spin->minimum()).arg(spin->maximum()).arg(spin->value()));
    connect(spin, &SpinBox::valueChanged, this, &ParameterForm::valuesChanged);
    passSpaceOn(spin);
    return spin;
}

void ParameterForm::setScenario(const scenarios::Scenario* scenario) {
    scenario_ = scenario;
    while (layout_->rowCount() > 0)
        layout_->removeRow(0);
    rows_.clear();
    if (!scenario_) return;
    if (scenario_->parameters.empty()) {
        layout_->addRow(new QLabel(tr("This lesson has no parameters."), this));
        return;
    }
    for (const Parameter& p : scenario_->parameters) {
        const QString help = lessonText(p.help);
        QWidget* editor = nullptr;
        switch (p.kind) {
        case Parameter::Kind::Integer: {
            auto* spin = new QSpinBox(this);
            spin->setRange(static_cast<int>(p.minimum), static_cast<int>(p.maximum));
            spin->setValue(static_cast<int>(p.defaultValue));
            editor = numberField(spin, help);
            break;
        }
        case Parameter::Kind::Number: {
            auto* spin = new QDoubleSpinBox(this);
            spin->setDecimals(2);
            spin->setSingleStep(std::max(0.01, (p.maximum - p.minimum) / 20));
            spin->setRange(p.minimum, p.maximum);
            spin->setValue(p.defaultValue);
            editor = numberField(spin, help);
            break;
        }
        case Parameter::Kind::Flag: {
            auto* box = new QCheckBox(this);
            box->setChecked(p.defaultValue != 0);
            box->setToolTip(help +
                            (p.defaultValue != 0 ? tr("\ndefault: on") : tr("\ndefault: off")));
            connect(box, &QCheckBox::toggled, this, &ParameterForm::valuesChanged);
            editor = box;
            break;
        }
        }
        editor->setObjectName(QStringLiteral("param_") + QString::fromStdString(p.name));
        // Never squeezed below a readable field: a short panel scrolls instead.
        editor->setSizePolicy(editor->sizePolicy().horizontalPolicy(), QSizePolicy::Fixed);
        auto* label = new QLabel(QString::fromStdString(p.name), this);
        label->setToolTip(help);
        label->setBuddy(editor);
        layout_->addRow(label, editor);
        rows_.push_back({&p, editor});
    }
}

std::map<std::string, std::string> ParameterForm::values() const {
    std::map<std::string, std::string> out;
    for (const Row& r : rows_) {
        std::string text;
        if (auto* spin = qobject_cast<QSpinBox*>(r.editor))
            text = std::to_string(spin->value());
        else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(r.editor))
            text = QString::number(dspin->value(), 'g', 12).toStdString();
        else if (auto* box = qobject_cast<QCheckBox*>(r.editor))
            text = box->isChecked() ? "true" : "false";
        out[r.parameter->name] = text;
    }
    // Normalized exactly as the command line would (e.g. 2 → "2.0" for numbers).
    std::vector<std::pair<std::string, std::string>> sets(out.begin(), out.end());
    std::string error;
    if (scenario_)
        if (auto params = scenarios::resolveParams(*scenario_, sets, error))
            return params->values();
    return out;
}

void ParameterForm::setValues(const std::map<std::string, std::string>& values) {
    {
        const QSignalBlocker blocker(this); // one valuesChanged for the lot, below
        for (const Row& r : rows_) {
            auto it = values.find(r.parameter->name);
            if (it == values.end()) continue;
            const QString text = QString::fromStdString(it->second).trimmed().toLower();
            bool ok = false;
            if (auto* spin = qobject_cast<QSpinBox*>(r.editor)) {
                const int v = text.toInt(&ok);
                if (ok) spin->setValue(v);
            } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(r.editor)) {
                const double v = text.toDouble(&ok);
                if (ok && std::isfinite(v)) dspin->setValue(v);
            } else if (auto* box = qobject_cast<QCheckBox*>(r.editor)) {
                if (text == QLatin1String("true") || text == QLatin1String("1"))
                    box->setChecked(true);
                if (text == QLatin1String("false") || text == QLatin1String("0"))
                    box->setChecked(false);
            }
        }
    }
    Q_EMIT valuesChanged();
}

void ParameterForm::resetToDefaults() {
    std::map<std::string, std::string> defaults;
    for (const Row& r : rows_) {
        const Parameter& p = *r.parameter;
        defaults[p.name] = p.kind == Parameter::Kind::Flag
                               ? (p.defaultValue != 0 ? "true" : "false")
                               : QString::number(p.defaultValue, 'g', 12).toStdString();
    }
    setValues(defaults);
}

bool ParameterForm::atDefaults() const {
    for (const Row& r : rows_) {
        const Parameter& p = *r.parameter;
        if (auto* spin = qobject_cast<QSpinBox*>(r.editor)) {
            if (spin->value() != static_cast<int>(p.defaultValue)) return false;
        } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(r.editor)) {
            if (std::abs(dspin->value() - p.defaultValue) > 1e-9) return false;
        } else if (auto* box = qobject_cast<QCheckBox*>(r.editor)) {
            if (box->isChecked() != (p.defaultValue != 0)) return false;
        }
    }
    return true;
}

QWidget* ParameterForm::editorFor(const std::string& name) const {
    for (const Row& r : rows_)
        if (r.parameter->name == name) return r.editor;
    return nullptr;
}

} // namespace mpviz::gui
