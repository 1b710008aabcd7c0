#include "gui/state/state_widget.hpp"

#include <QFontMetricsF>

namespace mpviz::gui {

StateWidget::StateWidget(QWidget* parent) : QWidget(parent) {
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void StateWidget::setTheme(Theme theme) {
    theme_ = theme;
    update();
}

QSize StateWidget::sizeHint() const {
    // The height at the width it has: a fixed-height row in a layout is held to its hint.
    const int comfortable = int(QFontMetricsF(font()).height() * 22);
    return QSize(comfortable, heightForWidth(width() > 0 ? width() : comfortable));
}

QSize StateWidget::minimumSizeHint() const {
    return QSize(int(QFontMetricsF(font()).height() * 12), sizeHint().height());
}

} // namespace mpviz::gui
