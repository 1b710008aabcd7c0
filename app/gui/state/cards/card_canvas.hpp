#pragma once
// Where a card draws: rows one line of chips tall, top to bottom, between a left and a right
// margin. Every word and chip goes through say() and chipAt(), which also note it down, so
// tests can read back what each row of a card showed.

#include "gui/state/chips.hpp"
#include "gui/window/theme.hpp"
#include "render/style.hpp"

#include <QColor>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <vector>

class QPainter;
class QWidget;

namespace mpviz::gui {

class CardCanvas {
  public:
    // Sized from `widget`'s font and width, coloured from its palette; the text of every row
    // drawn is appended to `shownRows`.
    CardCanvas(QPainter& painter, const QWidget& widget, Theme theme,
               std::vector<QStringList>& shownRows);

    QPainter& painter;
    const Theme theme;
    const render::Palette palette; // the timeline's state colours (running, blocked)
    QColor text, muted, line;
    ChipStyle chip;       // the plain chip of this theme
    double pad = 0;       // half a line: margins and gaps
    double rowHeight = 0; // one line of chips
    double width = 0; // the card's
    double left = 0, right = 0;
    double y = 0; // top of the current row

    double centre() const { return y + rowHeight / 2; }
    // Ends the current row: what it wrote becomes one entry of the shown rows.
    void nextRow();

    void say(const QRectF& rect, int flags, const QString& words);
    QRectF chipAt(double x, double centreY, const QString& name, const QColor& colour,
                  const ChipStyle& style);
    // The title in bold, the summary in muted text at its right; when both do not fit on one
    // line (a narrow card, presentation mode's large text), the summary goes on a line of its
    // own below, still one shown row.
    void titleRow(const QString& title, const QString& summary);
    // Whether titleRow puts the summary beside the title, for a card of this font and width.
    static bool summaryFitsBeside(const QFont& font, double cardWidth, const QString& title,
                                  const QString& summary);
    // "label" in muted text, then one chip per name; `none` when there are no names. One row.
    void labelledChips(const QString& label, const QStringList& names, const QList<QColor>& colours,
                       const QString& none);

    // Words and chips drawn wider than their room (cut at the card's edge) or elided.
    QStringList clipped;

  private:
    std::vector<QStringList>& shownRows_;
    QStringList rowText_; // the pieces drawn so far in the current row
};

} // namespace mpviz::gui
