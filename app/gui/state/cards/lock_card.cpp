#include "gui/state/cards/cards.hpp"

#include "gui/state/cards/card_canvas.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace mpviz::gui {

namespace {

// A padlock filling `r`; open, its shackle lifted, when nobody holds the lock.
void drawPadlock(QPainter& p, const QRectF& r, bool closed, const QColor& colour) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const double bw = r.width() * 0.7, bh = r.height() * 0.5;
    const QRectF body(r.center().x() - bw / 2, r.bottom() - bh, bw, bh);
    const double sw = bw * 0.6;
    const double lift = closed ? 0 : r.height() * 0.18;
    QPainterPath shackle;
    const QRectF arc(r.center().x() - sw / 2, r.top() - lift + r.height() * 0.05, sw,
                     r.height() * 0.7);
    shackle.moveTo(arc.left(), body.top() - (closed ? 0 : lift * 0.2));
    shackle.arcTo(arc, 180, -180);
    shackle.lineTo(arc.right(), body.top() - lift);
    p.setPen(QPen(colour, std::max(2.0, r.width() * 0.1)));
    p.setBrush(Qt::NoBrush);
    p.drawPath(shackle);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawRoundedRect(body, 2, 2);
    p.restore();
}

} // namespace

QString LockCard::summary(const ObjectSnapshot& now) const {
    return now.holders.empty() ? tr("free") : tr("held");
}

void LockCard::paint(CardCanvas& c, const CardState& state) const {
    const auto& s = state.now;
    QPainter& p = c.painter;
    const bool held = !s.holders.empty();
    const double icon = c.rowHeight * 0.9;
    drawPadlock(p, QRectF(c.left, c.y + (c.rowHeight - icon) / 2, icon, icon), held,
                held ? c.palette.blocked : c.palette.running);
    double x = c.left + icon + c.pad;
    if (!held) {
        p.setPen(c.text);
        c.say(QRectF(x, c.y, c.right - x, c.rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
              tr("free"));
    } else {
        p.setPen(c.muted);
        const QString label = tr("held by");
        c.say(QRectF(x, c.y, c.right - x, c.rowHeight), Qt::AlignVCenter | Qt::AlignLeft, label);
        x += QFontMetricsF(p.font()).horizontalAdvance(label + QLatin1Char(' '));
        for (int h : s.holders) {
            ChipStyle style = c.chip;
            const bool died = std::count(s.diedHolding.begin(), s.diedHolding.end(), h) > 0;
            style.dashed = died;
            style.opacity = state.isNewHolder(h) ? std::max(0.15, state.progress) : 1.0;
            QString name = state.nameOf(h);
            if (died) name += tr(" \u2014 owner died");
            x = c.chipAt(x, c.centre(), name, state.colourOf(h), style).right() + c.pad / 2;
        }
    }
    c.nextRow();
    c.labelledChips(tr("waiting:"), state.namesOf(s.waiters), state.coloursOf(s.waiters),
                    tr("nobody"));
}

} // namespace mpviz::gui
