#pragma once
// What the state view's painted widgets (the process list, each object's card) share: they
// paint in the window's theme, and their height follows their width (a narrow dock wraps
// rows, and a layout holds a fixed-height row to its hint).

#include "gui/window/theme.hpp"

#include <QWidget>

namespace mpviz::gui {

class StateWidget : public QWidget {
  public:
    explicit StateWidget(QWidget* parent = nullptr);

    void setTheme(Theme theme);

    // As wide as 22 lines of text are tall (at least 12), as tall as heightForWidth says.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override = 0;

  protected:
    Theme theme() const { return theme_; }

  private:
    Theme theme_ = Theme::Light;
};

} // namespace mpviz::gui
