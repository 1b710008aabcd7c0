#include "mp/pipe.hpp"

#include "mp/fifo.hpp"
#include "mp/pickle.hpp"
#include "mp/runtime.hpp"
#include "mp/shared_memory.hpp"

#include <stdexcept>

namespace mpviz::mp {

using namespace detail;

namespace {
constexpr const char* kHandle = "connection";
} // namespace

// One end of a pipe. Direction d (0 or 1) is the FIFO "<base>.d"; end 0 writes .0 and
// reads .1, end 1 the other way round. A one-way pipe has only .0: end 0 reads, end 1 writes.
struct Connection::Impl {
    std::string base;
    std::string name;
    int end = 0;
    bool duplex = true;
    std::uint16_t id = trace::kNoObject;
    std::unique_ptr<Fifo> in;
    std::unique_ptr<Fifo> out;

    Impl(std::string base_, std::string name_, int end_, bool duplex_)
        : base(std::move(base_)), name(std::move(name_)), end(end_), duplex(duplex_) {
        const auto path = [&](int d) {
            return (runtime().sessionDir() / (base + "." + std::to_string(d))).string();
        };
        if (duplex) {
            out = std::make_unique<Fifo>(path(end));
            in = std::make_unique<Fifo>(path(1 - end));
        } else if (end == 0) {
            in = std::make_unique<Fifo>(path(0));
        } else {
            out = std::make_unique<Fifo>(path(0));
        }
        const Fifo& any = in ? *in : *out;
        id = runtime().declare(ObjectKind::Pipe, name, any.capacity());
    }

    // What the pipe's counter shows: bytes waiting, both directions together.
    std::int64_t bytesWaiting() const {
        return (in ? in->bytesWaiting() : 0) + (out ? out->bytesWaiting() : 0);
    }
};

std::pair<Connection, Connection> Pipe(bool duplex, std::string name) {
    const std::string base = runtime().newSharedName().substr(1);
    return {Connection(std::make_shared<Connection::Impl>(base, name, 0, duplex)),
            Connection(std::make_shared<Connection::Impl>(base, name, 1, duplex))};
}

Connection Connection::attach(std::string_view handle) {
    const auto h = Handle::parse(handle, kHandle);
    if (h.extra.size() < 2) throw std::invalid_argument("incomplete connection handle");
    return Connection(
        std::make_shared<Impl>(h.resource, h.name, std::stoi(h.extra[0]), h.extra[1] == "duplex"));
}

std::string Connection::handle() const {
    return Handle{kHandle,
                  impl_->base,
                  impl_->name,
                  {std::to_string(impl_->end), impl_->duplex ? "duplex" : "oneway"}}
        .str();
}
const std::string& Connection::name() const {
    return impl_->name;
}
int Connection::end() const {
    return impl_->end;
}

void Connection::send(const std::string& item) {
    if (!impl_->out) throw std::logic_error("connection is read-only");
    auto& rt = runtime();
    rt.gate(Op::Send, impl_->id);
    const auto end = static_cast<std::int16_t>(impl_->end);
    const std::string pickled = pickleString(item);
    const auto frame = static_cast<int>(pickled.size() + sizeof(std::uint32_t));
    const bool full = impl_->out->bytesWaiting() + frame > impl_->out->capacity();
    if (full) {
        rt.emit(Op::Send, Phase::Blocked, impl_->id, impl_->bytesWaiting(), {}, end);
        impl_->out->writeMessage(pickled);
        rt.emit(Op::Send, Phase::Done, impl_->id, impl_->bytesWaiting(), itemRepr(item), end);
        return;
    }
    // Recorded before the write: the receiver may read it and record its recv at once.
    rt.emit(Op::Send, Phase::Done, impl_->id, impl_->bytesWaiting() + frame, itemRepr(item), end);
    impl_->out->writeMessage(pickled);
}

std::string Connection::recv() {
    if (!impl_->in) throw std::logic_error("connection is write-only");
    auto& rt = runtime();
    rt.gate(Op::Recv, impl_->id);
    const auto end = static_cast<std::int16_t>(impl_->end);
    if (impl_->in->bytesWaiting() == 0) {
        rt.emit(Op::Recv, Phase::Blocked, impl_->id, impl_->bytesWaiting(), {}, end);
        impl_->in->waitReadable(-1);
    }
    auto item = unpickleString(impl_->in->readMessage());
    rt.emit(Op::Recv, Phase::Done, impl_->id, impl_->bytesWaiting(), itemRepr(item), end);
    return item;
}

bool Connection::poll(double timeout) {
    if (!impl_->in) return false;
    return impl_->in->waitReadable(static_cast<int>(scaledNs(timeout) / 1'000'000));
}

} // namespace mpviz::mp
