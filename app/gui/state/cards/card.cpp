#include "gui/state/cards/card.hpp"

#include "render/labels.hpp"

#include <algorithm>

namespace mpviz::gui {

namespace {
QString str(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

QString CardState::nameOf(int process) const {
    // Holders, waiters and workers are trace process indices; `processes` is indexed alike.
    if (process >= 0 && static_cast<std::size_t>(process) < processes.size() &&
        processes[static_cast<std::size_t>(process)].index == process)
        return str(processes[static_cast<std::size_t>(process)].name);
    return QStringLiteral("?");
}

QColor CardState::colourOf(int process) const {
    return processColor(process, theme);
}

QStringList CardState::namesOf(const std::vector<int>& who) const {
    QStringList names;
    for (int p : who)
        names << nameOf(p);
    return names;
}

QList<QColor> CardState::coloursOf(const std::vector<int>& who) const {
    QList<QColor> colours;
    for (int p : who)
        colours << colourOf(p);
    return colours;
}

bool CardState::isNewHolder(int process) const {
    return std::count(before.holders.begin(), before.holders.end(), process) == 0;
}

QString Card::tooltip(const CardState& state) const {
    const auto& s = state.now;
    QStringList lines;
    lines << render::pythonClassName(s.kind) + QStringLiteral(" '") + str(s.name) +
                 QStringLiteral("': ") + summary(s);
    if (!s.holders.empty())
        lines << tr("held by: ") + state.namesOf(s.holders).join(QStringLiteral(", "));
    if (!s.waiters.empty())
        lines << tr("blocked on it: ") + state.namesOf(s.waiters).join(QStringLiteral(", "));
    if (!s.items.empty()) {
        QStringList items;
        for (const auto& i : s.items)
            items << str(shortItem(i, 40));
        lines << tr("items, oldest first: ") + items.join(QStringLiteral(", "));
    }
    if (!s.itemsBack.empty()) {
        QStringList items;
        for (const auto& i : s.itemsBack)
            items << str(shortItem(i, 40));
        lines << tr("sent the other way: ") + items.join(QStringLiteral(", "));
    }
    if (!s.flushing.empty())
        lines << tr("cannot exit until their queued data is read: ") +
                     state.namesOf(s.flushing).join(QStringLiteral(", "));
    return lines.join(QLatin1Char('\n'));
}

} // namespace mpviz::gui
