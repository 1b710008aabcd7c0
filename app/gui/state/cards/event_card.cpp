#include "gui/state/cards/cards.hpp"

#include "gui/state/cards/blend.hpp"
#include "gui/state/cards/card_canvas.hpp"

#include <QPainter>

namespace mpviz::gui {

QString EventCard::summary(const ObjectSnapshot& now) const {
    return now.value.value_or(0) ? tr("flag set") : tr("flag clear");
}

void EventCard::paint(CardCanvas& c, const CardState& state) const {
    const auto& s = state.now;
    QPainter& p = c.painter;
    const double row = c.rowHeight;
    const bool set = s.value.value_or(0) != 0;
    const bool wasSet = state.before.value.value_or(0) != 0;
    // The lamp fades from its old colour to its new one.
    const double t = set == wasSet ? 1.0 : state.progress;
    const QColor on = QColor::fromRgb(render::okabe_ito::kYellow);
    const QColor off = c.line;
    const QColor lamp = set ? mix(off, on, t) : mix(on, off, t);
    const double d = row * 0.8;
    const QRectF r(c.left, c.y + (row - d) / 2, d, d);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    if (set) {
        QColor glow = on;
        glow.setAlphaF(0.35 * t);
        p.setPen(Qt::NoPen);
        p.setBrush(glow);
        p.drawEllipse(r.adjusted(-d * 0.25, -d * 0.25, d * 0.25, d * 0.25));
    }
    p.setPen(QPen(c.text, 1.2));
    p.setBrush(lamp);
    p.drawEllipse(r);
    p.restore();
    p.setPen(c.text);
    c.say(QRectF(r.right() + c.pad, c.y, c.right - r.right() - c.pad, row),
          Qt::AlignVCenter | Qt::AlignLeft,
          set ? tr("set: wait() returns at once") : tr("not set: wait() blocks"));
    c.nextRow();
    c.labelledChips(tr("waiting:"), state.namesOf(s.waiters), state.coloursOf(s.waiters),
                    tr("nobody"));
}

} // namespace mpviz::gui
