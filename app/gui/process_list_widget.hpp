#pragma once
// Every process's own state at one instant: name and pid in its colour, and a state pill
// (running, sleeping, blocked in what on what, exited with which code), shaped like the
// timeline's bars so the two read the same way.

#include "gui/theme.hpp"
#include "gui/world_snapshot.hpp"

#include <QWidget>

#include <vector>

namespace mpviz::gui {

class ProcessListWidget : public QWidget {
    Q_OBJECT
  public:
    explicit ProcessListWidget(QWidget* parent = nullptr);

    // `objectNames` names the objects processes may be blocked on (index = object id).
    void setProcesses(const std::vector<ProcessSnapshot>& processes,
                      const std::vector<QString>& objectNames);
    const std::vector<ProcessSnapshot>& processes() const { return processes_; }
    void setTheme(Theme theme);
    // The words of a process's state: "blocked: get queue", "exited (0)", "sleeping".
    QString stateText(const ProcessSnapshot& p) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    std::vector<ProcessSnapshot> processes_;
    std::vector<QString> objectNames_;
    Theme theme_ = Theme::Light;
};

} // namespace mpviz::gui
