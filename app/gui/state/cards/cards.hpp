#pragma once
// The card of each kind of shared object, one class per kind (each defined in its own file,
// lock_card.cpp, semaphore_card.cpp, ...); makeCard (make_card.cpp) picks one by kind.

#include "gui/state/cards/card.hpp"

namespace mpviz::gui {

// A Lock's or RLock's card: a padlock, shut while held, with its holders (dashed when one
// died holding it), then who waits for it.
class LockCard final : public Card {
    Q_DECLARE_TR_FUNCTIONS(LockCard)
  public:
    int rows(const ObjectSnapshot&) const override { return 2; }
    QString summary(const ObjectSnapshot& now) const override;
    void paint(CardCanvas& canvas, const CardState& state) const override;
    bool held() const override { return true; }
};

// A Semaphore's card: one slot per permit, filled with its holder or dashed and free, then
// who waits for a permit.
class SemaphoreCard final : public Card {
    Q_DECLARE_TR_FUNCTIONS(SemaphoreCard)
  public:
    int rows(const ObjectSnapshot&) const override { return 2; }
    QString summary(const ObjectSnapshot& now) const override;
    void paint(CardCanvas& canvas, const CardState& state) const override;
    bool held() const override { return true; }
};

// An Event's card: a lamp that is lit while the flag is set, then who waits for it.
class EventCard final : public Card {
    Q_DECLARE_TR_FUNCTIONS(EventCard)
  public:
    int rows(const ObjectSnapshot&) const override { return 2; }
    QString summary(const ObjectSnapshot& now) const override;
    void paint(CardCanvas& canvas, const CardState& state) const override;
};

// A Queue's or JoinableQueue's card: its items in slots, oldest first, then who is blocked
// putting (or cannot exit with data stuck in the pipe) and who is blocked getting.
class QueueCard final : public Card {
    Q_DECLARE_TR_FUNCTIONS(QueueCard)
  public:
    int rows(const ObjectSnapshot&) const override { return 3; }
    QString summary(const ObjectSnapshot& now) const override;
    void paint(CardCanvas& canvas, const CardState& state) const override;
};

// A Pipe's card: how full its buffer is, the unread messages each way, who is blocked.
class PipeCard final : public Card {
    Q_DECLARE_TR_FUNCTIONS(PipeCard)
  public:
    int rows(const ObjectSnapshot&) const override { return 4; }
    QString summary(const ObjectSnapshot& now) const override;
    void paint(CardCanvas& canvas, const CardState& state) const override;
};

// A Pool's card: one row per worker (its task, idle, exited or not started yet), then the
// tasks waiting and the results so far.
class PoolCard final : public Card {
    Q_DECLARE_TR_FUNCTIONS(PoolCard)
  public:
    // One row per worker it was made with (or has, if more), then pending and results.
    int rows(const ObjectSnapshot& now) const override;
    QString summary(const ObjectSnapshot& now) const override;
    void paint(CardCanvas& canvas, const CardState& state) const override;
};

// A Value's or Array's card: the number (an Array's cells beside it) in large print,
// flashing when it changes, with who wrote it last and who read it last, and the update it
// lost, when a write erased a number its writer never read.
class NumberCard final : public Card {
    Q_DECLARE_TR_FUNCTIONS(NumberCard)
  public:
    // A Value or Array that lost an update names the latest in a third row.
    int rows(const ObjectSnapshot& now) const override { return now.lostUpdates > 0 ? 3 : 2; }
    QString summary(const ObjectSnapshot& now) const override;
    void paint(CardCanvas& canvas, const CardState& state) const override;
    // "lost update: Process-2 wrote 4 over Process-1's 4"; an Array's names the element
    // ("lost update in [1]: …", `element` ≥ 0); with more than one, how many.
    static QString lostUpdateText(std::size_t count, const QString& writer, const QString& written,
                                  const QString& erasedWriter, const QString& erased,
                                  int element = -1);
};

} // namespace mpviz::gui
