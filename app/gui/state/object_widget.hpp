#pragma once
// One live card per shared object: a Lock's owner and waiters, a Semaphore's permit slots,
// an Event's lamp, a Queue's items and blocked producers/consumers, a Pipe's buffer, a
// Pool's workers, a Value's number and who last wrote it. Changes animate briefly (items
// slide, holders fade in, the card flashes) so the eye catches what just happened.
// The widget draws the frame, the flash and the title; the card for the object's kind
// (gui/cards/) draws the rest.

#include "gui/run/world_snapshot.hpp"
#include "gui/state/state_widget.hpp"

#include <QStringList>
#include <QVariantAnimation>

#include <memory>
#include <vector>

namespace mpviz::gui {

class Card;
struct CardState;

class ObjectWidget : public StateWidget {
    Q_OBJECT
  public:
    explicit ObjectWidget(QWidget* parent = nullptr);
    ~ObjectWidget() override;

    // The object's state and every process's (for names), indexed like the trace's
    // processes (WorldSnapshot::processes).
    void setSnapshot(const ObjectSnapshot& snapshot, const std::vector<ProcessSnapshot>& processes);
    const ObjectSnapshot& snapshot() const { return now_; }
    void setAnimated(bool animated) { animated_ = animated; }
    // Live, the flash is repainted only when the window refreshes its views (advanceFlash()),
    // after the timeline showed its news: a card repainting on a clock of its own would be
    // painted along with, and ahead of, the timeline's next news.
    void setFlashPacedByFrames(bool paced);
    void advanceFlash();

    // What the card has shown so far (tests: "the queue widget showed items", "the semaphore
    // never showed more holders than permits").
    std::size_t maxItemsShown() const { return maxItems_; }
    std::size_t maxHoldersShown() const { return maxHolders_; }
    // What the last paint wrote, row by row (the header first), each row's pieces left to
    // right: {"waiting:", "Process-4", "Process-5"}. Elided text keeps its ellipsis.
    const std::vector<QStringList>& shownRows() const { return shownRows_; }
    // What the last paint could not show whole: words cut at the card's edge, or elided.
    const QStringList& clippedWords() const { return clipped_; }

    int heightForWidth(int width) const override;

  protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

  private:
    // Rows below the title.
    int cardRows() const;
    CardState cardState() const;
    QString title() const;
    QString summary() const;

    ObjectSnapshot now_;
    ObjectSnapshot before_;
    std::vector<ProcessSnapshot> processes_;
    std::unique_ptr<Card> card_; // draws now_'s kind (null for ObjectKind::Count)
    QVariantAnimation animation_;
    double progress_ = 1.0; // 0 → 1 right after a change
    bool animated_ = true;
    bool pacedByFrames_ = false;
    double paintedProgress_ = 1.0; // the flash as the last paint drew it
    bool hasSnapshot_ = false;
    std::size_t maxItems_ = 0;
    std::size_t maxHolders_ = 0;
    std::vector<QStringList> shownRows_;
    QStringList clipped_;
};

} // namespace mpviz::gui
