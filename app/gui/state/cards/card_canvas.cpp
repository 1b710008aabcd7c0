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
    width = widget.width();
    left = pad;
    right = width - pad;
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
    if (words.isEmpty()) return;
    rowText_ << words;
    if (QFontMetricsF(painter.font()).horizontalAdvance(words) > rect.width() + 0.5)
        clipped << words;
}

QRectF CardCanvas::chipAt(double x, double centreY, const QString& name, const QColor& colour,
                          const ChipStyle& style) {
    rowText_ << name;
    const QRectF chip = drawChip(painter, x, centreY, name, colour, style);
    if (chip.right() > right + 0.5) clipped << name;
    return chip;
}

namespace {
QFont boldOf(QFont f) {
    f.setBold(true);
    return f;
}
double titleWidth(const QFont& font, const QString& title) {
    return QFontMetricsF(boldOf(font)).horizontalAdvance(title);
}
} // namespace

bool CardCanvas::summaryFitsBeside(const QFont& font, double cardWidth, const QString& title,
                                   const QString& summary) {
    const QFontMetricsF fm(font);
    const double pad = fm.height() * 0.5;
    return titleWidth(font, title) + pad + fm.horizontalAdvance(summary) <= cardWidth - 2 * pad;
}

void CardCanvas::titleRow(const QString& title, const QString& summary) {
    const bool beside = summaryFitsBeside(painter.font(), width, title, summary);
    painter.save();
    painter.setFont(boldOf(painter.font()));
    painter.setPen(text);
    say(QRectF(left, y, right - left, rowHeight), Qt::AlignVCenter | Qt::AlignLeft, title);
    painter.restore();
    painter.setPen(muted);
    if (summary.isEmpty()) {
        nextRow();
        return;
    }
    if (beside) {
        const double from = left + titleWidth(painter.font(), title) + pad;
        say(QRectF(from, y, right - from, rowHeight), Qt::AlignVCenter | Qt::AlignRight, summary);
    } else {
        y += rowHeight;
        const QString shown =
            QFontMetricsF(painter.font()).elidedText(summary, Qt::ElideRight, right - left);
        say(QRectF(left, y, right - left, rowHeight), Qt::AlignVCenter | Qt::AlignLeft, shown);
        if (shown != summary) clipped << summary;
    }
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
        const double end =
            drawChipRow(painter, left + lw, centre(), right, names, colours, chip, &rowText_);
        if (end - QFontMetricsF(painter.font()).height() * 0.3 > right + 0.5)
            clipped << names.join(QLatin1Char(' '));
    }
    nextRow();
}

} // namespace mpviz::gui
