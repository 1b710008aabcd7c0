#pragma once
// Every process's own state at one instant: name and pid in its colour, and a state pill
// (running, sleeping, blocked in what on what, exited with which code), shaped like the
// timeline's bars so the two read the same way.

#include "gui/run/world_snapshot.hpp"
#include "gui/state/state_widget.hpp"

#include <QStringList>

#include <vector>

namespace mpviz::gui {

class ProcessListWidget : public StateWidget {
    Q_OBJECT
  public:
    explicit ProcessListWidget(QWidget* parent = nullptr);

    // One row per process, in the order given (the timeline's lane order).
    void setProcesses(std::vector<ProcessSnapshot> processes);
    const std::vector<ProcessSnapshot>& processes() const { return processes_; }
    // The words of a process's state: "blocked: get queue", "exited (0)", "sleeping".
    static QString stateText(const ProcessSnapshot& p);
    // What the last paint wrote, one line per row: "Process-1 (4242): blocked: acquire sem"
    // (elided text keeps its ellipsis). Screen readers get the same lines.
    const QStringList& shownRows() const { return shownRows_; }
    // Names and states the last paint had to elide (none, once the rows stack).
    int elidedCount() const { return elided_; }

    int heightForWidth(int width) const override;

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    static QString nameOf(const ProcessSnapshot& p);
    // A row is the name and its state pill side by side; when the widest pair does not fit
    // in `width`, each pill goes on a line of its own under its name.
    bool stacked(double width) const;
    std::vector<ProcessSnapshot> processes_;
    QStringList shownRows_;
    int elided_ = 0;
};

} // namespace mpviz::gui
