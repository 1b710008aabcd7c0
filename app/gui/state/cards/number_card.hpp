#pragma once
// A Value's or Array's card: the number (an Array's cells beside it) in large print,
// flashing when it changes, with who wrote it last and who read it last, and the update it
// lost, when a write erased a number its writer never read.

#include "gui/state/cards/card.hpp"

namespace mpviz::gui {

class NumberCard final : public Card {
    Q_DECLARE_TR_FUNCTIONS(NumberCard)
  public:
    // A Value that lost an update names the latest in a third row.
    int rows(const ObjectSnapshot& now) const override { return now.lostUpdates > 0 ? 3 : 2; }
    QString summary(const ObjectSnapshot& now) const override;
    void paint(CardCanvas& canvas, const CardState& state) const override;
    // "lost update: Process-2 wrote 4 over Process-1's 4"; with more than one, how many.
    static QString lostUpdateText(std::size_t count, const QString& writer, const QString& written,
                                  const QString& erasedWriter, const QString& erased);
};

} // namespace mpviz::gui
