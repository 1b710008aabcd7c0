#include "mp/value.hpp"

#include "mp/shared_object.hpp"

#include <atomic>
#include <stdexcept>

namespace mpviz::mp {

using namespace detail;

namespace {
struct ValueBlock {
    std::atomic<std::int64_t> value;
};
struct ArrayBlock {
    std::int64_t length;
    std::atomic<std::int64_t> items[1]; // `length` of them, in the rest of the segment
};
static_assert(std::atomic<std::int64_t>::is_always_lock_free,
              "shared numbers need lock-free atomics");
} // namespace

struct Value::Impl : SharedObject<ValueBlock> {};

Value::Value(std::int64_t initial, std::string name)
    : impl_(std::make_shared<Impl>(Impl{SharedObject<ValueBlock>::create(
          ObjectKind::Value, std::move(name), 0,
          [initial](ValueBlock& b) { b.value.store(initial); })})) {
    runtime().emit(Op::Write, Phase::Done, impl_->id, initial);
}

Value Value::attach(std::string_view handle) {
    return Value(std::make_shared<Impl>(
        Impl{SharedObject<ValueBlock>::attach(handle, "value", ObjectKind::Value, 0)}));
}

std::string Value::handle() const {
    return impl_->handle("value");
}
const std::string& Value::name() const {
    return impl_->name;
}

std::int64_t Value::get() const {
    auto& rt = runtime();
    rt.gate(Op::Read, impl_->id);
    const auto v = impl_->block()->value.load();
    rt.emit(Op::Read, Phase::Done, impl_->id, v);
    return v;
}

void Value::set(std::int64_t v) {
    auto& rt = runtime();
    rt.gate(Op::Write, impl_->id, v);
    impl_->block()->value.store(v);
    rt.emit(Op::Write, Phase::Done, impl_->id, v);
}

struct Array::Impl : SharedObject<ArrayBlock> {
    std::atomic<std::int64_t>& at(std::size_t i) const {
        if (i >= static_cast<std::size_t>(block()->length))
            throw std::out_of_range("array index " + std::to_string(i) + " out of range");
        return block()->items[i];
    }
};

Array::Array(std::vector<std::int64_t> initial, std::string name)
    : impl_(std::make_shared<Impl>(Impl{SharedObject<ArrayBlock>::create(
          ObjectKind::Array, std::move(name), static_cast<std::int64_t>(initial.size()),
          [&initial](ArrayBlock& b) {
              b.length = static_cast<std::int64_t>(initial.size());
              for (std::size_t i = 0; i < initial.size(); ++i)
                  new (&b.items[i]) std::atomic<std::int64_t>(initial[i]);
          },
          sizeof(ArrayBlock) + sizeof(std::int64_t) * initial.size())})) {}

Array Array::attach(std::string_view handle) {
    return Array(std::make_shared<Impl>(
        Impl{SharedObject<ArrayBlock>::attach(handle, "array", ObjectKind::Array, -1)}));
}

std::string Array::handle() const {
    return impl_->handle("array");
}
const std::string& Array::name() const {
    return impl_->name;
}
std::size_t Array::size() const {
    return static_cast<std::size_t>(impl_->block()->length);
}

std::int64_t Array::get(std::size_t i) const {
    auto& rt = runtime();
    rt.gate(Op::Read, impl_->id);
    const auto v = impl_->at(i).load();
    rt.emit(Op::Read, Phase::Done, impl_->id, v, {}, static_cast<std::int16_t>(i));
    return v;
}

void Array::set(std::size_t i, std::int64_t v) {
    auto& rt = runtime();
    rt.gate(Op::Write, impl_->id, v);
    impl_->at(i).store(v);
    rt.emit(Op::Write, Phase::Done, impl_->id, v, {}, static_cast<std::int16_t>(i));
}

std::vector<std::int64_t> Array::values() const {
    std::vector<std::int64_t> out(size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = impl_->at(i).load();
    return out;
}

} // namespace mpviz::mp
