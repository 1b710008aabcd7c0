#include "gui/state/cards/cards.hpp"

#include "gui/state/cards/blend.hpp"
#include "gui/state/cards/card_canvas.hpp"
#include "gui/window/fonts.hpp"
#include "render/labels.hpp"
#include "trace/shared_number.hpp"

#include <QFontMetricsF>
#include <QPainter>

namespace mpviz::gui {

using trace::ObjectKind;

QString NumberCard::summary(const ObjectSnapshot& now) const {
    return now.kind == ObjectKind::Array ? tr("%1 numbers").arg(now.capacity) : tr("shared number");
}

void NumberCard::paint(CardCanvas& c, const CardState& state) const {
    const auto& s = state.now;
    QPainter& p = c.painter;
    const QRectF wholeRow(c.left, c.y, c.right - c.left, c.rowHeight);
    const QFont big = largerBoldFont(p.font(), 1.6);
    p.save();
    p.setFont(big);
    // A new number flashes in the alarm colour and fades to the text colour.
    const bool changed =
        s.kind == ObjectKind::Array ? s.cells != state.before.cells : s.value != state.before.value;
    p.setPen(changed ? mix(c.palette.blocked, c.text, state.progress) : c.text);
    const auto numberText = [&](std::int64_t v) {
        return render::toQString(trace::sharedNumberText(v, s.valueType));
    };
    // An Array shows all its cells; a Value its one number, and who wrote it last.
    QString shown;
    if (s.kind == ObjectKind::Array) {
        QStringList cells;
        for (const auto& cell : s.cells)
            cells << (cell ? numberText(*cell) : QStringLiteral("?"));
        shown = QStringLiteral("[") + cells.join(QStringLiteral(", ")) + QStringLiteral("]");
    } else {
        shown = s.value ? numberText(*s.value) : QStringLiteral("?");
    }
    c.say(wholeRow, Qt::AlignVCenter | Qt::AlignLeft, shown);
    const double nw = QFontMetricsF(big).horizontalAdvance(shown + QStringLiteral("  "));
    p.restore();
    if (s.kind != ObjectKind::Array && s.lastWriter >= 0) {
        p.setPen(c.muted);
        const QString label = tr("written by");
        c.say(QRectF(c.left + nw, c.y, c.right - c.left - nw, c.rowHeight),
              Qt::AlignVCenter | Qt::AlignLeft, label);
        const double x =
            c.left + nw + QFontMetricsF(p.font()).horizontalAdvance(label + QLatin1Char(' '));
        c.chipAt(x, c.centre(), state.nameOf(s.lastWriter), state.colourOf(s.lastWriter), c.chip);
    }
    c.nextRow();
    if (s.kind == ObjectKind::Array && s.lastWriter >= 0) {
        c.labelledChips(tr("last written by"), state.namesOf({s.lastWriter}),
                        state.coloursOf({s.lastWriter}), {});
    } else {
        const std::vector<int> reader =
            s.lastReader >= 0 ? std::vector<int>{s.lastReader} : std::vector<int>{};
        c.labelledChips(tr("last read by"), state.namesOf(reader), state.coloursOf(reader),
                        tr("nobody yet"));
    }
    if (s.lostUpdates > 0) {
        const auto& lost = s.lastLost;
        const QString what =
            lostUpdateText(s.lostUpdates, state.nameOf(lost.writer), numberText(lost.written),
                           state.nameOf(lost.erasedWriter), numberText(lost.erased), lost.element);
        p.setPen(c.palette.blocked);
        c.say(QRectF(c.left, c.y, c.right - c.left, c.rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
              QFontMetricsF(p.font()).elidedText(what, Qt::ElideRight, c.right - c.left));
        c.nextRow();
    }
}

QString NumberCard::lostUpdateText(std::size_t count, const QString& writer, const QString& written,
                                   const QString& erasedWriter, const QString& erased,
                                   int element) {
    if (element >= 0) {
        // An Array's: which element, as the program indexes it.
        const QString at = QStringLiteral("[%1]").arg(element);
        if (count == 1)
            return tr("lost update in %1: %2 wrote %3 over %4's %5")
                .arg(at, writer, written, erasedWriter, erased);
        return tr("%1 lost updates, the last in %2: %3 wrote %4 over %5's %6")
            .arg(QString::number(count), at, writer, written, erasedWriter, erased);
    }
    if (count == 1)
        return tr("lost update: %1 wrote %2 over %3's %4")
            .arg(writer, written, erasedWriter, erased);
    return tr("%1 lost updates, the last: %2 wrote %3 over %4's %5")
        .arg(QString::number(count), writer, written, erasedWriter, erased);
}

} // namespace mpviz::gui
