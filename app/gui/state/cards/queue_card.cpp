#include "gui/state/cards/cards.hpp"

#include "gui/state/cards/card_canvas.hpp"
#include "gui/state/cards/item_slots.hpp"

namespace mpviz::gui {

QString QueueCard::summary(const ObjectSnapshot& now) const {
    QString t = now.capacity > 0
                    ? tr("%1 of %2 items").arg(now.items.size()).arg(now.capacity)
                    : (now.items.size() == 1 ? tr("1 item (no maxsize)")
                                             : tr("%1 items (no maxsize)").arg(now.items.size()));
    if (now.kind == trace::ObjectKind::JoinableQueue)
        t += tr(", %1 unfinished").arg(now.unfinished);
    return t;
}

void QueueCard::paint(CardCanvas& c, const CardState& state) const {
    const auto& s = state.now;
    drawItemSlots(c, s.items, s.capacity, state.before.items, state.progress);
    if (!s.flushing.empty() && s.producers.empty()) {
        // The deadlock-on-join lesson: the process returned, but its feeder thread cannot
        // push the rest of its data into the full pipe, so it cannot exit.
        c.labelledChips(tr("cannot exit, data stuck in the pipe:"), state.namesOf(s.flushing),
                        state.coloursOf(s.flushing), {});
    } else {
        std::vector<int> putters = s.producers;
        putters.insert(putters.end(), s.flushing.begin(), s.flushing.end());
        c.labelledChips(tr("blocked in put (full):"), state.namesOf(putters),
                        state.coloursOf(putters), tr("nobody"));
    }
    c.labelledChips(tr("blocked in get (empty):"), state.namesOf(s.consumers),
                    state.coloursOf(s.consumers), tr("nobody"));
}

} // namespace mpviz::gui
