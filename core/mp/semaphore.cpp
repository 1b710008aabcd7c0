#include "mp/semaphore.hpp"

#include "mp/shared_object.hpp"
#include "mp/sync.hpp"

#include <cerrno>
#include <semaphore.h>
#include <stdexcept>

namespace mpviz::mp {

using namespace detail;

namespace {
struct SemaphoreBlock {
    sem_t sem;
};
constexpr const char* kHandle = "semaphore";

} // namespace

struct Semaphore::Impl : SharedObject<SemaphoreBlock> {};

Semaphore::Semaphore(int value, std::string name)
    : impl_(std::make_shared<Impl>(Impl{SharedObject<SemaphoreBlock>::create(
          ObjectKind::Semaphore, std::move(name), value, [value](SemaphoreBlock& b) {
              if (value < 0) throw std::invalid_argument("semaphore initial value must be >= 0");
              sem_init(&b.sem, 1, static_cast<unsigned>(value));
          })})) {}

Semaphore Semaphore::attach(std::string_view handle) {
    return Semaphore(std::make_shared<Impl>(
        Impl{SharedObject<SemaphoreBlock>::attach(handle, kHandle, ObjectKind::Semaphore, -1)}));
}

std::string Semaphore::handle() const {
    return impl_->handle(kHandle);
}
const std::string& Semaphore::name() const {
    return impl_->name;
}

int Semaphore::get_value() const {
    int v = 0;
    sem_getvalue(&impl_->block()->sem, &v);
    return v;
}

bool Semaphore::acquire(bool block, std::optional<double> timeout) {
    auto& rt = runtime();
    rt.gate(Op::Acquire, impl_->id);
    sem_t* s = &impl_->block()->sem;
    if (sem_trywait(s) != 0) {
        if (!block) {
            rt.emit(Op::Acquire, Phase::Failed, impl_->id, get_value());
            return false;
        }
        rt.emit(Op::Acquire, Phase::Blocked, impl_->id, 0, {}, timeout ? 1 : 0);
        const auto deadline = deadlineAfter(timeout);
        if (!waitSem(s, ptr(deadline))) {
            rt.emit(Op::Acquire, Phase::Failed, impl_->id, get_value());
            return false;
        }
    }
    rt.emit(Op::Acquire, Phase::Done, impl_->id, get_value());
    return true;
}

void Semaphore::release() {
    auto& rt = runtime();
    rt.gate(Op::Release, impl_->id);
    rt.emit(Op::Release, Phase::Done, impl_->id, get_value() + 1);
    sem_post(&impl_->block()->sem);
}

} // namespace mpviz::mp
