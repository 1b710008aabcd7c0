#pragma once
// A Queue's or JoinableQueue's card: its items in slots, oldest first, then who is
// blocked putting (or cannot exit with data stuck in the pipe) and who is blocked getting.

#include "gui/state/cards/card.hpp"

namespace mpviz::gui {

class QueueCard final : public Card {
    Q_DECLARE_TR_FUNCTIONS(QueueCard)
  public:
    int rows(const ObjectSnapshot&) const override { return 3; }
    QString summary(const ObjectSnapshot& now) const override;
    void paint(CardCanvas& canvas, const CardState& state) const override;
};

} // namespace mpviz::gui
