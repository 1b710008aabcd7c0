#pragma once
// The shared-state panel: what every process is doing and one live card per shared
// object, all at one instant (live: now; replay: the playhead).

#include "gui/run/world_snapshot.hpp"
#include "gui/window/theme.hpp"

#include <QScrollArea>

#include <cstdint>
#include <vector>

class QLabel;
class QVBoxLayout;

namespace mpviz::gui {

class ObjectWidget;
class ProcessListWidget;

class StateView : public QScrollArea {
    Q_OBJECT
  public:
    explicit StateView(QWidget* parent = nullptr);

    // `when` says which instant this is ("live, 3.25 s" / "replay at 2.10 s").
    void showSnapshot(const WorldSnapshot& world, const QString& when);
    void clear();
    void setTheme(Theme theme);
    // Presentation mode: cards and the process list in text at least this many pixels
    // high; 0 gives them the window's font again.
    void setLeastTextPixels(int pixels);
    // Wide enough for the cards and the process list to lay out their rows side by side.
    int comfortableWidth() const;

    // Live: the cards' flashes move on only by advanceFlashes(), with the window's refresh.
    void setFlashesPacedByFrames(bool paced);
    void advanceFlashes();

    // The instant the cards and the process list show (trace clock, ns).
    std::int64_t shownInstant() const { return instant_; }
    ObjectWidget* objectWidget(const QString& name) const;
    const std::vector<ObjectWidget*>& objectWidgets() const { return objects_; }
    ProcessListWidget* processList() const { return processes_; }

  private:
    QWidget* content_;
    QVBoxLayout* layout_;
    QLabel* when_;
    QLabel* objectsTitle_;
    ProcessListWidget* processes_;
    std::vector<ObjectWidget*> objects_;
    Theme theme_ = Theme::Light;
    bool flashesPaced_ = false;
    std::int64_t instant_ = 0;
};

} // namespace mpviz::gui
