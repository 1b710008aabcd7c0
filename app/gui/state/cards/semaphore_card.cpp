#include "gui/state/cards/cards.hpp"

#include "gui/state/cards/card_canvas.hpp"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace mpviz::gui {

QString SemaphoreCard::summary(const ObjectSnapshot& now) const {
    return tr("%1 of %2 permits free").arg(now.value.value_or(now.capacity)).arg(now.capacity);
}

void SemaphoreCard::paint(CardCanvas& c, const CardState& state) const {
    const auto& s = state.now;
    QPainter& p = c.painter;
    const double row = c.rowHeight;
    const int permits = static_cast<int>(std::max<std::int64_t>(s.capacity, 1));
    const int slotCount = std::max<int>(permits, static_cast<int>(s.holders.size()));
    const double gap = c.pad / 2;
    const double slotW = std::min((c.right - c.left - gap * (slotCount - 1)) / slotCount, row * 5);
    for (int i = 0; i < slotCount; ++i) {
        const QRectF r(c.left + i * (slotW + gap), c.y + row * 0.08, slotW, row * 0.84);
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        const bool over = i >= permits; // more holders than permits: drawn in the alarm colour
        if (i < static_cast<int>(s.holders.size())) {
            const int h = s.holders[static_cast<std::size_t>(i)];
            const QColor colour = state.colourOf(h);
            QColor fill = colour;
            fill.setAlphaF((c.theme == Theme::Dark ? 0.4 : 0.22) *
                           (state.isNewHolder(h) ? std::max(0.2, state.progress) : 1.0));
            p.setPen(QPen(over ? c.palette.blocked : colour, over ? 3 : 1.5));
            p.setBrush(fill);
            p.drawRoundedRect(r, 4, 4);
            p.setPen(c.text);
            c.say(
                r, Qt::AlignCenter,
                QFontMetricsF(p.font()).elidedText(state.nameOf(h), Qt::ElideRight, r.width() - 4));
        } else {
            p.setPen(QPen(c.palette.running, 1.5, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(r, 4, 4);
            p.setPen(c.muted);
            c.say(r, Qt::AlignCenter, tr("free"));
        }
        p.restore();
    }
    c.nextRow();
    c.labelledChips(tr("waiting:"), state.namesOf(s.waiters), state.coloursOf(s.waiters),
                    tr("nobody"));
}

} // namespace mpviz::gui
