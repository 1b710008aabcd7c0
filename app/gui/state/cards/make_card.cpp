// The one place that knows which card draws which kind of object.
#include "gui/state/cards/card.hpp"

#include "gui/state/cards/cards.hpp"

namespace mpviz::gui {

std::unique_ptr<Card> makeCard(trace::ObjectKind kind) {
    using trace::ObjectKind;
    switch (kind) {
    case ObjectKind::Lock:
        return std::make_unique<LockCard>();
    case ObjectKind::Semaphore:
        return std::make_unique<SemaphoreCard>();
    case ObjectKind::Event:
        return std::make_unique<EventCard>();
    case ObjectKind::Queue:
    case ObjectKind::JoinableQueue:
        return std::make_unique<QueueCard>();
    case ObjectKind::Pipe:
        return std::make_unique<PipeCard>();
    case ObjectKind::Pool:
        return std::make_unique<PoolCard>();
    case ObjectKind::Value:
    case ObjectKind::Array:
        return std::make_unique<NumberCard>();
    case ObjectKind::Count:
        break;
    }
    return nullptr;
}

} // namespace mpviz::gui
