#pragma once
// Every process's own state at one instant: name and pid in its colour, and a state pill
// (running, sleeping, blocked in what on what, exited with which code), shaped like the
// timeline's bars so the two read the same way.

#include "gui/window/theme.hpp"
#include "gui/run/world_snapshot.hpp"

#include <QStringList>
#include <QWidget>

#include <vector>

namespace mpviz::gui {

class ProcessListWidget : public QWidget {
    Q_OBJECT
  public:
    explicit ProcessListWidget(QWidget* parent = nullptr);

    // One row per process, in the order given (the timeline's lane order).
    void setProcesses(std::vector<ProcessSnapshot> processes);
    const std::vector<ProcessSnapshot>& processes() const { return processes_; }
    void setTheme(Theme theme);
    // The words of a process's state: "blocked: get queue", "exited (0)", "sleeping".
    static QString stateText(const ProcessSnapshot& p);
    // What the last paint wrote, one line per row: "Process-1 (4242): blocked: acquire sem"
    // (elided text keeps its ellipsis). Screen readers get the same lines.
    const QStringList& shownRows() const { return shownRows_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    std::vector<ProcessSnapshot> processes_;
    QStringList shownRows_;
    Theme theme_ = Theme::Light;
};

} // namespace mpviz::gui
