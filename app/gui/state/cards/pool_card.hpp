#pragma once
// A Pool's card: one row per worker (its task, idle, exited or not started yet), then the
// tasks waiting and the results so far.

#include "gui/state/cards/card.hpp"

namespace mpviz::gui {

class PoolCard final : public Card {
    Q_DECLARE_TR_FUNCTIONS(PoolCard)
  public:
    // One row per worker it was made with (or has, if more), then pending and results.
    int rows(const ObjectSnapshot& now) const override;
    QString summary(const ObjectSnapshot& now) const override;
    void paint(CardCanvas& canvas, const CardState& state) const override;
};

} // namespace mpviz::gui
