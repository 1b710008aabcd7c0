#pragma once
// Shown when a run ends in deadlock: what the cycle is, that mpviz already stopped and
// cleaned up every process, and — when the lesson has a fixing parameter (fixed, ordered,
// use_lock) — a button that runs the fixed version.

#include <QFrame>

class QLabel;
class QPushButton;

namespace mpviz::gui {

class DeadlockBanner : public QFrame {
    Q_OBJECT
  public:
    explicit DeadlockBanner(QWidget* parent = nullptr);

    // `fixParameter` empty: no "Show the fixed version" button.
    void showDeadlock(const QString& explanation, const QString& fixParameter);
    QString text() const;
    // Compact: one line, no explanation (presentation mode's caption explains it).
    void setCompact(bool compact);
    QPushButton* fixButton() const { return fix_; }

  Q_SIGNALS:
    void fixRequested();

  private:
    void showText();

    QLabel* text_;
    QString explanation_;
    bool compact_ = false;
    QPushButton* fix_;
};

} // namespace mpviz::gui
