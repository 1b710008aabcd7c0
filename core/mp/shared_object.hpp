#pragma once
// What every shared primitive is made of: a shared-memory block laid out as `Block`, the
// scenario's name for it, and the id this process's events call it by.

#include "mp/runtime.hpp"
#include "mp/shared_memory.hpp"

#include <memory>
#include <new>
#include <string>

namespace mpviz::mp::detail {

template <class Block> struct SharedObject {
    std::shared_ptr<SharedSegment> segment;
    std::string name;
    std::uint16_t id = trace::kNoObject;
    std::vector<std::string> extra; // carried in the handle (e.g. a queue's maxsize)

    Block* block() const { return segment->as<Block>(); }

    // Creates and initializes the block; `init` runs on the freshly placed Block.
    template <class Init>
    static SharedObject create(trace::ObjectKind kind, std::string name, std::int64_t capacity,
                               Init init, std::size_t bytes = sizeof(Block)) {
        SharedObject o;
        o.extra.push_back(std::to_string(capacity));
        o.segment = SharedSegment::create(runtime().newSharedName(), bytes);
        init(*new (o.segment->template as<void>()) Block());
        o.name = std::move(name);
        o.id = runtime().declare(kind, o.name, capacity);
        return o;
    }

    // `capacity` < 0: the capacity travels as the handle's first extra field.
    static SharedObject attach(std::string_view text, const char* handleKind,
                               trace::ObjectKind kind, std::int64_t capacity) {
        const auto h = Handle::parse(text, handleKind);
        if (capacity < 0) capacity = h.extra.empty() ? 0 : std::stoll(h.extra.front());
        SharedObject o;
        o.segment = SharedSegment::attach(h.resource);
        o.name = h.name;
        o.extra = h.extra;
        o.id = runtime().declare(kind, o.name, capacity);
        return o;
    }

    std::string handle(const char* handleKind) const {
        return Handle{handleKind, segment->name(), name, extra}.str();
    }
};

} // namespace mpviz::mp::detail
