#pragma once
// One shared object's card, kind by kind: what the body of a Lock's, a Queue's or a Pool's
// card draws below the title. ObjectWidget owns the frame, the title row and the animation
// and asks the card for the rest; makeCard picks the card for a kind.
// A card reads facts from the snapshot (world_snapshot.hpp); it never derives them.

#include "gui/window/theme.hpp"
#include "gui/run/world_snapshot.hpp"

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace mpviz::gui {

class CardCanvas;

// What a card shows at one paint: the object now and just before its latest change, how far
// the change has animated, and every process (for names and colours).
struct CardState {
    const ObjectSnapshot& now;
    const ObjectSnapshot& before;
    double progress; // 0 → 1 right after a change
    // Indexed like the trace's processes: holders, waiters and workers are looked up here.
    const std::vector<ProcessSnapshot>& processes;
    Theme theme;

    QString nameOf(int process) const;
    QColor colourOf(int process) const;
    QStringList namesOf(const std::vector<int>& processes) const;
    QList<QColor> coloursOf(const std::vector<int>& processes) const;
    // A holder that was not one before the change fades in.
    bool isNewHolder(int process) const;
};

class Card {
    Q_DECLARE_TR_FUNCTIONS(Card)
  public:
    virtual ~Card() = default;
    // Rows below the title, each one line of chips tall.
    virtual int rows(const ObjectSnapshot& now) const = 0;
    // The words beside the title ("1 of 2 permits free").
    virtual QString summary(const ObjectSnapshot& now) const = 0;
    // Draws the rows below the title, each through `canvas` so what it writes can be read back.
    virtual void paint(CardCanvas& canvas, const CardState& state) const = 0;

    // Whether processes hold the object (Lock, Semaphore): its card then has the colour of
    // the held bands on the timeline down its left edge.
    virtual bool held() const { return false; }

    // Hovering a card: the summary, then who holds, waits and what is inside, in words.
    QString tooltip(const CardState& state) const;
};

// The card for objects of `kind`; null for ObjectKind::Count, which no object has.
std::unique_ptr<Card> makeCard(trace::ObjectKind kind);

} // namespace mpviz::gui
