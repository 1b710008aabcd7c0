#pragma once
// An Event's card: a lamp that is lit while the flag is set, then who waits for it.

#include "gui/state/cards/card.hpp"

namespace mpviz::gui {

class EventCard final : public Card {
    Q_DECLARE_TR_FUNCTIONS(EventCard)
  public:
    int rows(const ObjectSnapshot&) const override { return 2; }
    QString summary(const ObjectSnapshot& now) const override;
    void paint(CardCanvas& canvas, const CardState& state) const override;
};

} // namespace mpviz::gui
