#pragma once
// A Pipe's card: how full its buffer is, the unread messages each way, who is blocked.

#include "gui/state/cards/card.hpp"

namespace mpviz::gui {

class PipeCard final : public Card {
    Q_DECLARE_TR_FUNCTIONS(PipeCard)
  public:
    int rows(const ObjectSnapshot&) const override { return 4; }
    QString summary(const ObjectSnapshot& now) const override;
    void paint(CardCanvas& canvas, const CardState& state) const override;
};

} // namespace mpviz::gui
