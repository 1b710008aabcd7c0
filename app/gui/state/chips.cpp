#include "gui/state/chips.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QStringList>

namespace mpviz::gui {

double chipWidth(const QPainter& painter, const QString& text) {
    const QFontMetricsF fm(painter.font());
    return fm.horizontalAdvance(text) + fm.height() * 0.8;
}

QRectF drawChip(QPainter& painter, double x, double centreY, const QString& text,
                const QColor& colour, const ChipStyle& style) {
    const QFontMetricsF fm(painter.font());
    const double h = fm.height() * 1.25;
    const QRectF r(x, centreY - h / 2, chipWidth(painter, text), h);
    painter.save();
    painter.setOpacity(style.opacity);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor fill = colour;
    fill.setAlphaF(style.theme == Theme::Dark ? 0.35 : 0.18);
    QPen pen(colour, 1.5);
    if (style.dashed) pen.setStyle(Qt::DashLine);
    painter.setPen(pen);
    painter.setBrush(style.dashed ? QBrush(Qt::NoBrush) : QBrush(fill));
    painter.drawRoundedRect(r.adjusted(0.75, 0.75, -0.75, -0.75), h / 2, h / 2);
    painter.setPen(style.theme == Theme::Dark ? QColor(0xf0, 0xf0, 0xf0)
                                              : QColor(0x1a, 0x1a, 0x1a));
    painter.drawText(r, Qt::AlignCenter, text);
    painter.restore();
    return r;
}

double drawChipRow(QPainter& painter, double x, double centreY, double right,
                   const QStringList& texts, const QList<QColor>& colours, const ChipStyle& style,
                   QStringList* drawn) {
    const double gap = QFontMetricsF(painter.font()).height() * 0.3;
    const auto moreThan = [](qsizetype n) -> QString {
        return QStringLiteral("+") + QString::number(n);
    };
    for (int i = 0; i < texts.size(); ++i) {
        const double w = chipWidth(painter, texts[i]);
        const QString more = moreThan(texts.size() - i);
        // Room for this chip, and for the "+N" of the rest after it: what does not fit is
        // counted, never cut at the card's edge.
        const bool last = i + 1 == texts.size();
        const double reserve = last ? 0 : gap + chipWidth(painter, moreThan(texts.size() - i - 1));
        if (x + w + reserve > right) {
            drawChip(painter, x, centreY, more, QColor(0x80, 0x80, 0x80), style);
            if (drawn) *drawn << more;
            return x + chipWidth(painter, more) + gap;
        }
        drawChip(painter, x, centreY, texts[i], colours.value(i, QColor(0x80, 0x80, 0x80)), style);
        if (drawn) *drawn << texts[i];
        x += w + gap;
    }
    return x;
}

} // namespace mpviz::gui
