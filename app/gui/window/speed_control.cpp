#include "gui/window/speed_control.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace mpviz::gui {

namespace {
// The slider holds 100 × log10(speed): -100 (0.1×) … 130 (≈ 20×).
int toSlider(double speed) {
    return int(std::lround(100 * std::log10(speed)));
}
double fromSlider(int v) {
    return std::pow(10.0, v / 100.0);
}
} // namespace

SpeedControl::SpeedControl(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("speedControl"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    auto* label = new QLabel(tr("Speed"), this);
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setObjectName(QStringLiteral("speedSlider"));
    slider_->setRange(toSlider(kMin), toSlider(kMax));
    slider_->setValue(0);
    slider_->setPageStep(10);
    slider_->setFixedWidth(140);
    slider_->setToolTip(tr("How fast the lesson runs, 0.1\u00d7 to 20\u00d7: every sleep in the "
                           "scenario is divided by it. Applies to the next run."));
    value_ = new QLabel(this);
    value_->setMinimumWidth(value_->fontMetrics().horizontalAdvance(QStringLiteral("0.25\u00d7 ")));
    quick_ = new QToolButton(this);
    quick_->setObjectName(QStringLiteral("quickLook"));
    quick_->setText(tr("20\u00d7 quick look"));
    quick_->setCheckable(true);
    quick_->setToolTip(tr("Run at 20\u00d7 to see the whole lesson in a few seconds"));
    layout->addWidget(label);
    layout->addWidget(slider_);
    layout->addWidget(value_);
    layout->addWidget(quick_);
    connect(slider_, &QSlider::valueChanged, this, [this] {
        showValue();
        Q_EMIT speedChanged(speed());
    });
    connect(quick_, &QToolButton::toggled, this, [this] {
        showValue();
        Q_EMIT speedChanged(speed());
    });
    showValue();
}

double SpeedControl::sliderSpeed() const {
    // Round to two significant digits so the label and the run agree.
    const double v = fromSlider(slider_->value());
    return v < 1 ? std::round(v * 100) / 100 : std::round(v * 10) / 10;
}

double SpeedControl::speed() const {
    return quick_->isChecked() ? kQuickLook : sliderSpeed();
}

void SpeedControl::setSliderSpeed(double speed) {
    slider_->setValue(toSlider(std::clamp(speed, kMin, kMax)));
}

bool SpeedControl::quickLook() const {
    return quick_->isChecked();
}
void SpeedControl::setQuickLook(bool on) {
    quick_->setChecked(on);
}

void SpeedControl::setSpeed(double speed) {
    if (speed >= kQuickLook - 1e-9) {
        setQuickLook(true);
    } else {
        setQuickLook(false);
        setSliderSpeed(speed);
    }
}

void SpeedControl::showValue() {
    value_->setText(QString::number(sliderSpeed(), 'g', 2) + QStringLiteral("\u00d7"));
    slider_->setEnabled(!quick_->isChecked());
    value_->setEnabled(!quick_->isChecked());
}

} // namespace mpviz::gui
