#include "mp/lock.hpp"

#include "mp/shared_object.hpp"
#include "mp/sync.hpp"

#include <stdexcept>

namespace mpviz::mp {

using namespace detail;

namespace {
struct LockBlock {
    pthread_mutex_t mutex;
};
constexpr const char* kHandle = "lock";
} // namespace

struct Lock::Impl : SharedObject<LockBlock> {};

Lock::Lock(std::string name)
    : impl_(std::make_shared<Impl>(
          Impl{SharedObject<LockBlock>::create(ObjectKind::Lock, std::move(name), 1,
                                               [](LockBlock& b) { initSharedMutex(&b.mutex); })})) {
}

Lock Lock::attach(std::string_view handle) {
    return Lock(std::make_shared<Impl>(
        Impl{SharedObject<LockBlock>::attach(handle, kHandle, ObjectKind::Lock, 1)}));
}

std::string Lock::handle() const {
    return impl_->handle(kHandle);
}
const std::string& Lock::name() const {
    return impl_->name;
}

bool Lock::acquire(bool block, std::optional<double> timeout) {
    auto& rt = runtime();
    rt.gate(Op::Acquire, impl_->id);
    auto* m = &impl_->block()->mutex;
    auto result = tryLockShared(m);
    if (!result.acquired) {
        if (!block) {
            rt.emit(Op::Acquire, Phase::Failed, impl_->id);
            return false;
        }
        rt.emit(Op::Acquire, Phase::Blocked, impl_->id, 0, {}, timeout ? 1 : 0);
        const auto deadline = deadlineAfter(timeout);
        result = lockShared(m, ptr(deadline));
        if (!result.acquired) {
            rt.emit(Op::Acquire, Phase::Failed, impl_->id);
            return false;
        }
    }
    rt.emit(Op::Acquire, Phase::Done, impl_->id, 0, result.ownerDied ? "owner died" : "");
    return true;
}

void Lock::release() {
    auto& rt = runtime();
    rt.gate(Op::Release, impl_->id);
    rt.emit(Op::Release, Phase::Done, impl_->id, 1);
    if (pthread_mutex_unlock(&impl_->block()->mutex) != 0)
        throw std::runtime_error("release of an unlocked lock '" + impl_->name + "'");
}

} // namespace mpviz::mp
