#pragma once
// A Value's or Array's card: the number (an Array's cells beside it) in large print,
// flashing when it changes, with who wrote it last and who read it last.

#include "gui/state/cards/card.hpp"

namespace mpviz::gui {

class NumberCard final : public Card {
    Q_DECLARE_TR_FUNCTIONS(NumberCard)
  public:
    int rows(const ObjectSnapshot&) const override { return 2; }
    QString summary(const ObjectSnapshot& now) const override;
    void paint(CardCanvas& canvas, const CardState& state) const override;
};

} // namespace mpviz::gui
