#include "gui/state/cards/cards.hpp"

#include "gui/state/cards/card_canvas.hpp"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace mpviz::gui {

namespace {

QString str(const std::string& s) {
    return QString::fromStdString(s);
}

// "label (n): a, b, c, d, …" in one row: the first four, or with `newestLast` the last four,
// fewer when four do not fit (an item is shown whole or not at all); "label: none" for no
// items.
void listRow(CardCanvas& c, const QString& label, const std::vector<std::string>& items,
             bool newestLast) {
    c.painter.setPen(c.muted);
    const QRectF row(c.left, c.y, c.right - c.left, c.rowHeight);
    const int n = static_cast<int>(items.size());
    if (n == 0) {
        c.say(row, Qt::AlignVCenter | Qt::AlignLeft,
              label + QStringLiteral(": ") + PoolCard::tr("none"));
        c.nextRow();
        return;
    }
    const auto line = [&](int count) {
        const int from = newestLast ? n - count : 0;
        QStringList shown;
        for (int i = from; i < from + count; ++i)
            shown << str(items[static_cast<std::size_t>(i)]);
        QString text = label + QStringLiteral(" (") + QString::number(n) + QStringLiteral("): ");
        if (newestLast && from > 0) text += QStringLiteral("\u2026, ");
        text += shown.join(QStringLiteral(", "));
        if (!newestLast && count < n) text += QStringLiteral(", \u2026");
        return text;
    };
    const QFontMetricsF fm(c.painter.font());
    int count = std::min(n, 4);
    while (count > 1 && fm.horizontalAdvance(line(count)) > row.width())
        --count;
    c.say(row, Qt::AlignVCenter | Qt::AlignLeft,
          fm.elidedText(line(count), Qt::ElideRight, row.width()));
    c.nextRow();
}

// Worker rows: as many as the pool was made with, or as it has workers if more.
std::size_t workerRows(const ObjectSnapshot& now) {
    return std::max<std::size_t>(now.workers.size(),
                                 static_cast<std::size_t>(std::max<std::int64_t>(now.capacity, 0)));
}

} // namespace

int PoolCard::rows(const ObjectSnapshot& now) const {
    return static_cast<int>(workerRows(now)) + 2;
}

QString PoolCard::summary(const ObjectSnapshot& now) const {
    const auto busy = std::count_if(now.workers.begin(), now.workers.end(),
                                    [](const PoolWorkerSnapshot& w) { return !w.task.empty(); });
    return tr("%1 of %2 workers busy").arg(busy).arg(now.capacity);
}

void PoolCard::paint(CardCanvas& c, const CardState& state) const {
    const auto& s = state.now;
    for (const auto& worker : s.workers) {
        const bool busy = !worker.task.empty();
        const QRectF r = c.chipAt(c.left, c.centre(), state.nameOf(worker.process),
                                  state.colourOf(worker.process), c.chip);
        c.painter.setPen(busy ? c.text : c.muted);
        c.say(QRectF(r.right() + c.pad, c.y, c.right - r.right() - c.pad, c.rowHeight),
              Qt::AlignVCenter | Qt::AlignLeft,
              busy ? tr("runs %1").arg(str(worker.task)) : tr("idle"));
        c.nextRow();
    }
    // The rest of the rows: workers gone already, then workers the pool has yet to start.
    for (std::size_t i = s.workers.size(); i < workerRows(s); ++i) {
        const bool exited = i < s.workers.size() + static_cast<std::size_t>(s.exitedWorkers);
        c.painter.setPen(c.muted);
        c.say(QRectF(c.left, c.y, c.right - c.left, c.rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
              exited ? tr("(worker exited)") : tr("(worker not started)"));
        c.nextRow();
    }
    listRow(c, tr("pending"), s.pending, false);
    listRow(c, tr("results"), s.results, true);
}

} // namespace mpviz::gui
