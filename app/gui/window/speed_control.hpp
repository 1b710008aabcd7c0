#pragma once
// How fast the lesson runs: a slider from 0.1× to 4× (logarithmic, so 1× sits in the
// middle) and a "20× quick look" toggle. Sleeps inside the scenario are divided by it; it
// applies to the next Run.

#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

namespace mpviz::gui {

class SpeedControl : public QWidget {
    Q_OBJECT
  public:
    explicit SpeedControl(QWidget* parent = nullptr);

    double speed() const; // 20 while quick look is on
    double sliderSpeed() const;
    void setSliderSpeed(double speed); // clamped to 0.1–20
    bool quickLook() const;
    void setQuickLook(bool on);
    // Any speed: 20 turns quick look on, the rest goes to the slider.
    void setSpeed(double speed);

    static constexpr double kMin = 0.1;
    static constexpr double kQuickLook = 20.0;
    // The slider reaches quick look's speed: `mpviz --speed 10` shows and runs at 10×.
    static constexpr double kMax = kQuickLook;

  Q_SIGNALS:
    void speedChanged(double speed);

  private:
    void showValue();

    QSlider* slider_;
    QLabel* value_;
    QToolButton* quick_;
};

} // namespace mpviz::gui
