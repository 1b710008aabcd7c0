#include "mp/event.hpp"

#include "mp/shared_object.hpp"
#include "mp/sync.hpp"

#include <cerrno>

namespace mpviz::mp {

using namespace detail;

namespace {
struct EventBlock {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    int flag;
};
constexpr const char* kHandle = "event";

// Holds the event's mutex for a scope.
class Guard {
  public:
    explicit Guard(EventBlock* b) : b_(b) { lockShared(&b_->mutex); }
    ~Guard() { pthread_mutex_unlock(&b_->mutex); }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;

  private:
    EventBlock* b_;
};
} // namespace

struct Event::Impl : SharedObject<EventBlock> {};

Event::Event(std::string name)
    : impl_(std::make_shared<Impl>(Impl{SharedObject<EventBlock>::create(
          ObjectKind::Event, std::move(name), 1, [](EventBlock& b) {
              initSharedMutex(&b.mutex);
              initSharedCond(&b.cond);
              b.flag = 0;
          })})) {}

Event Event::attach(std::string_view handle) {
    return Event(std::make_shared<Impl>(
        Impl{SharedObject<EventBlock>::attach(handle, kHandle, ObjectKind::Event, 1)}));
}

std::string Event::handle() const {
    return impl_->handle(kHandle);
}
const std::string& Event::name() const {
    return impl_->name;
}

bool Event::is_set() const {
    auto* b = impl_->block();
    Guard guard(b);
    return b->flag != 0;
}

// The flag written under the mutex and recorded before the waiters can run, so every wake
// follows its set in the trace. Only a set wakes anyone.
static void storeFlag(SharedObject<EventBlock>& event, Op op, int flag) {
    auto& rt = runtime();
    rt.gate(op, event.id);
    auto* b = event.block();
    Guard guard(b);
    b->flag = flag;
    rt.emit(op, Phase::Done, event.id, flag);
    if (flag != 0) pthread_cond_broadcast(&b->cond);
}

void Event::set() {
    storeFlag(*impl_, Op::Set, 1);
}

void Event::clear() {
    storeFlag(*impl_, Op::Clear, 0);
}

bool Event::wait(std::optional<double> timeout) {
    auto& rt = runtime();
    rt.gate(Op::Wait, impl_->id);
    auto* b = impl_->block();
    const auto deadline = deadlineAfter(timeout);
    bool result;
    {
        Guard guard(b);
        if (!b->flag) {
            rt.emit(Op::Wait, Phase::Blocked, impl_->id, 0, {}, timeout ? 1 : 0);
            while (!b->flag) {
                const int rc = deadline ? pthread_cond_clockwait(&b->cond, &b->mutex,
                                                                 CLOCK_MONOTONIC, &*deadline)
                                        : pthread_cond_wait(&b->cond, &b->mutex);
                if (rc == EOWNERDEAD) pthread_mutex_consistent(&b->mutex);
                if (rc == ETIMEDOUT) break;
            }
        }
        result = b->flag != 0;
    }
    rt.emit(Op::Wait, Phase::Done, impl_->id, result ? 1 : 0);
    return result;
}

} // namespace mpviz::mp
