#pragma once
// One live card per shared object: a Lock's owner and waiters, a Semaphore's permit slots,
// an Event's lamp, a Queue's items and blocked producers/consumers, a Pipe's buffer, a
// Pool's workers, a Value's number and who last wrote it. Changes animate briefly (items
// slide, holders fade in, the card flashes) so the eye catches what just happened.

#include "gui/theme.hpp"
#include "gui/world_snapshot.hpp"

#include <QColor>
#include <QStringList>
#include <QVariantAnimation>
#include <QWidget>

#include <vector>

namespace mpviz::gui {

class ObjectWidget : public QWidget {
    Q_OBJECT
  public:
    explicit ObjectWidget(QWidget* parent = nullptr);

    // The object's state and every process's (for names), indexed like the trace's
    // processes (WorldSnapshot::processes).
    void setSnapshot(const ObjectSnapshot& snapshot, const std::vector<ProcessSnapshot>& processes);
    const ObjectSnapshot& snapshot() const { return now_; }
    void setTheme(Theme theme);
    void setAnimated(bool animated) { animated_ = animated; }

    // What the card has shown so far (tests: "the queue widget showed items", "the semaphore
    // never showed more holders than permits").
    std::size_t maxItemsShown() const { return maxItems_; }
    std::size_t maxHoldersShown() const { return maxHolders_; }
    // What the last paint wrote, row by row (the header first), each row's pieces left to
    // right: {"waiting:", "Process-4", "Process-5"}. Elided text keeps its ellipsis.
    const std::vector<QStringList>& shownRows() const { return shownRows_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

  private:
    int rows() const;
    QString summary() const;
    QString processName(int index) const;
    QColor colourOf(int index) const;
    QStringList namesOf(const std::vector<int>& processes) const;
    QList<QColor> coloursOf(const std::vector<int>& processes) const;
    QString tooltipText() const;

    struct Painter;
    friend struct Painter;

    ObjectSnapshot now_;
    ObjectSnapshot before_;
    std::vector<ProcessSnapshot> processes_;
    Theme theme_ = Theme::Light;
    QVariantAnimation animation_;
    double progress_ = 1.0; // 0 → 1 right after a change
    bool animated_ = true;
    bool hasSnapshot_ = false;
    std::size_t maxItems_ = 0;
    std::size_t maxHolders_ = 0;
    std::vector<QStringList> shownRows_;
};

} // namespace mpviz::gui
