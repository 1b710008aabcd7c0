#include "gui/state/cards/item_slots.hpp"

#include "gui/run/world_snapshot.hpp"
#include "gui/state/cards/card_canvas.hpp"
#include "gui/window/theme.hpp"
#include "render/style.hpp"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace mpviz::gui {

namespace {

// Items are Python reprs ('ice-lolly 3'): the quotes go, and a long one loses its start
// rather than its end, where the numbers that tell items apart usually are.
QString itemLabel(std::string item) {
    if (item.size() >= 2 && item.front() == '\'') {
        const auto close = item.find('\'', 1);
        if (close != std::string::npos) item = item.substr(1, close - 1) + item.substr(close + 1);
    }
    return QString::fromStdString(shortItem(item, 24));
}

} // namespace

void drawItemSlots(CardCanvas& c, const std::vector<std::string>& items, std::int64_t capacity,
                   const std::vector<std::string>& itemsBefore, double progress) {
    QPainter& p = c.painter;
    const double row = c.rowHeight;
    const double gap = c.pad / 3;
    const int shownSlots = capacity > 0 ? static_cast<int>(std::min<std::int64_t>(capacity, 20))
                                        : std::max<int>(static_cast<int>(items.size()), 6);
    const int maxBoxes = std::max(1, std::min(shownSlots, 20));
    const double slotW = std::max(row * 0.8, (c.right - c.left - gap * (maxBoxes - 1)) / maxBoxes);
    const int fits = std::max(1, int((c.right - c.left + gap) / (slotW + gap)));
    const int boxes = std::min(maxBoxes, fits);
    // An item was taken from the front: everything slides one slot to the left.
    const bool took =
        !itemsBefore.empty() && (items.empty() || items.front() != itemsBefore.front());
    const double shift = took ? (1.0 - progress) * (slotW + gap) : 0.0;
    const bool put = items.size() > itemsBefore.size() && !took;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setClipRect(QRectF(c.left - 1, c.y, c.right - c.left + 2, row));
    for (int i = 0; i < boxes; ++i) {
        const QRectF slot(c.left + i * (slotW + gap), c.y + row * 0.1, slotW, row * 0.8);
        p.setPen(QPen(c.line, 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        if (capacity > 0 || i < static_cast<int>(items.size())) p.drawRoundedRect(slot, 3, 3);
    }
    const int n = static_cast<int>(items.size());
    for (int i = 0; i < n && i < boxes; ++i) {
        QRectF box(c.left + i * (slotW + gap) + shift, c.y + row * 0.1, slotW, row * 0.8);
        double opacity = 1.0;
        if (put && i == n - 1) {
            box.translate((1.0 - progress) * (slotW + gap) * 1.5, 0);
            opacity = std::max(0.2, progress);
        }
        if (i == boxes - 1 && n > boxes) {
            p.setPen(c.muted);
            c.say(box, Qt::AlignCenter, QStringLiteral("+%1").arg(n - boxes + 1));
            break;
        }
        p.setOpacity(opacity);
        p.setPen(QPen(QColor::fromRgb(render::okabe_ito::kOrange).darker(120), 1.2));
        QColor fill = QColor::fromRgb(render::okabe_ito::kOrange);
        fill.setAlphaF(c.theme == Theme::Dark ? 0.45 : 0.3);
        p.setBrush(fill);
        p.drawRoundedRect(box, 3, 3);
        p.setPen(c.text);
        const QString label = itemLabel(items[static_cast<std::size_t>(i)]);
        const Qt::TextElideMode elide =
            !label.isEmpty() && label.back().isDigit() ? Qt::ElideLeft : Qt::ElideRight;
        c.say(box.adjusted(2, 0, -2, 0), Qt::AlignCenter,
              QFontMetricsF(p.font()).elidedText(label, elide, box.width() - 4));
        p.setOpacity(1.0);
    }
    // The item just taken fades out at the front.
    if (took && progress < 1.0) {
        QRectF gone(c.left - (slotW + gap) + shift, c.y + row * 0.1, slotW, row * 0.8);
        p.setOpacity(1.0 - progress);
        p.setPen(Qt::NoPen);
        QColor fill = QColor::fromRgb(render::okabe_ito::kOrange);
        fill.setAlphaF(0.3);
        p.setBrush(fill);
        p.drawRoundedRect(gone, 3, 3);
        p.setOpacity(1.0);
    }
    p.restore();
    c.nextRow();
}

} // namespace mpviz::gui
