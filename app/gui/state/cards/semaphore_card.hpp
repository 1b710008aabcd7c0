#pragma once
// A Semaphore's card: one slot per permit, filled with its holder or dashed and free,
// then who waits for a permit.

#include "gui/state/cards/card.hpp"

namespace mpviz::gui {

class SemaphoreCard final : public Card {
    Q_DECLARE_TR_FUNCTIONS(SemaphoreCard)
  public:
    int rows(const ObjectSnapshot&) const override { return 2; }
    QString summary(const ObjectSnapshot& now) const override;
    void paint(CardCanvas& canvas, const CardState& state) const override;
    bool held() const override { return true; }
};

} // namespace mpviz::gui
