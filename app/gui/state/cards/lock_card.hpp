#pragma once
// A Lock's or RLock's card: a padlock, shut while held, with its holders (dashed when
// one died holding it), then who waits for it.

#include "gui/state/cards/card.hpp"

namespace mpviz::gui {

class LockCard final : public Card {
    Q_DECLARE_TR_FUNCTIONS(LockCard)
  public:
    int rows(const ObjectSnapshot&) const override { return 2; }
    QString summary(const ObjectSnapshot& now) const override;
    void paint(CardCanvas& canvas, const CardState& state) const override;
    bool held() const override { return true; }
};

} // namespace mpviz::gui
