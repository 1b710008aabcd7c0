#include "gui/state/cards/cards.hpp"

#include "gui/state/cards/blend.hpp"
#include "gui/state/cards/card_canvas.hpp"
#include "gui/state/cards/item_slots.hpp"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace mpviz::gui {

namespace {

// "→" or "←", then that direction's unread messages in slots.
void messagesOneWay(CardCanvas& c, const QString& arrow, const std::vector<std::string>& items,
                    const std::vector<std::string>& before, double progress,
                    const QString& noMessage) {
    c.painter.setPen(c.muted);
    const double aw =
        QFontMetricsF(c.painter.font()).horizontalAdvance(arrow + QStringLiteral("  "));
    c.say(QRectF(c.left, c.y, aw, c.rowHeight), Qt::AlignVCenter | Qt::AlignLeft, arrow);
    const double keep = c.left;
    c.left += aw;
    if (items.empty()) {
        c.say(QRectF(c.left, c.y, c.right - c.left, c.rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
              noMessage);
        c.nextRow();
    } else {
        drawItemSlots(c, items, 0, before, progress);
    }
    c.left = keep;
}

} // namespace

QString PipeCard::summary(const ObjectSnapshot& now) const {
    return tr("%1 + %2 messages unread").arg(now.items.size()).arg(now.itemsBack.size());
}

void PipeCard::paint(CardCanvas& c, const CardState& state) const {
    const auto& s = state.now;
    QPainter& p = c.painter;
    const double row = c.rowHeight;
    const double bytes = double(s.value.value_or(0));
    const double cap = double(std::max<std::int64_t>(s.capacity, 1));
    const double before = double(state.before.value.value_or(0));
    const double shown = lerp(before, bytes, state.progress);
    const QRectF bar(c.left, c.y + row * 0.2, c.right - c.left, row * 0.6);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(c.line, 1));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(bar, bar.height() / 2, bar.height() / 2);
    // Tiny messages would not show against a 64 KiB buffer: never less than a sliver.
    const double frac = bytes > 0 ? std::max(0.02, std::min(1.0, shown / cap)) : 0.0;
    if (frac > 0) {
        QColor fill = QColor::fromRgb(render::okabe_ito::kOrange);
        fill.setAlphaF(0.6);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * frac, bar.height()),
                          bar.height() / 2, bar.height() / 2);
    }
    p.setPen(c.text);
    c.say(bar, Qt::AlignCenter,
          tr("%1 of %2 bytes in the buffer").arg(qint64(bytes)).arg(qint64(cap)));
    p.restore();
    c.nextRow();
    const QString noMessage = tr("no message in flight");
    messagesOneWay(c, QStringLiteral("\u2192"), s.items, state.before.items, state.progress,
                   noMessage);
    messagesOneWay(c, QStringLiteral("\u2190"), s.itemsBack, state.before.itemsBack, state.progress,
                   noMessage);
    std::vector<int> blocked = s.producers;
    blocked.insert(blocked.end(), s.consumers.begin(), s.consumers.end());
    c.labelledChips(tr("blocked:"), state.namesOf(blocked), state.coloursOf(blocked), tr("nobody"));
}

} // namespace mpviz::gui
