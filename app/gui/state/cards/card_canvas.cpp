#include "gui/state/cards/card_canvas.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <QWidget>

#include <algorithm>

namespace mpviz::gui {

CardCanvas::CardCanvas(QPainter& p, const QWidget& widget, Theme theme,
                       std::vector<QStringList>& shownRows)
    : painter(p), theme(theme), palette(render::paletteFor(theme)), shownRows_(shownRows) {
    const QFontMetricsF fm(widget.font());
    pad = fm.height() * 0.5;
    rowHeight = fm.height() * 1.6;
    left = pad;
    right = widget.width() - pad;
    text = widget.palette().color(QPalette::WindowText);
    muted = widget.palette().color(QPalette::PlaceholderText);
    line = widget.palette().color(QPalette::Mid);
    chip.theme = theme;
}

void CardCanvas::nextRow() {
    shownRows_.push_back(rowText_);
    rowText_.clear();
    y += rowHeight;
}

void CardCanvas::say(const QRectF& rect, int flags, const QString& words) {
    painter.drawText(rect, flags, words);
    if (!words.isEmpty()) rowText_ << words;
}

QRectF CardCanvas::chipAt(double x, double centreY, const QString& name, const QColor& colour,
                          const ChipStyle& style) {
    rowText_ << name;
    return drawChip(painter, x, centreY, name, colour, style);
}

void CardCanvas::titleRow(const QString& title, const QString& summary) {
    QFont bold = painter.font();
    bold.setBold(true);
    painter.save();
    painter.setFont(bold);
    painter.setPen(text);
    say(QRectF(left, y, right - left, rowHeight), Qt::AlignVCenter | Qt::AlignLeft, title);
    const double titleEnd = left + QFontMetricsF(bold).horizontalAdvance(title) + pad;
    painter.restore();
    // The summary takes what the title leaves: on a narrow card it is elided, never drawn
    // over the title.
    painter.setPen(muted);
    const double room = std::max(0.0, right - titleEnd);
    say(QRectF(titleEnd, y, room, rowHeight), Qt::AlignVCenter | Qt::AlignRight,
        QFontMetricsF(painter.font()).elidedText(summary, Qt::ElideRight, room));
    nextRow();
}

void CardCanvas::labelledChips(const QString& label, const QStringList& names,
                               const QList<QColor>& colours, const QString& none) {
    painter.setPen(muted);
    const double lw = QFontMetricsF(painter.font()).horizontalAdvance(label + QLatin1Char(' '));
    say(QRectF(left, y, lw, rowHeight), Qt::AlignVCenter | Qt::AlignLeft, label);
    if (names.isEmpty()) {
        say(QRectF(left + lw, y, right - left - lw, rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
            none);
    } else {
        drawChipRow(painter, left + lw, centre(), right, names, colours, chip, &rowText_);
    }
    nextRow();
}

} // namespace mpviz::gui
