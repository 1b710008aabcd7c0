#include "mp/queue.hpp"

#include "mp/fifo.hpp"
#include "mp/pickle.hpp"
#include "mp/shared_object.hpp"
#include "mp/sync.hpp"

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <semaphore.h>
#include <thread>

namespace mpviz::mp {

using namespace detail;

namespace {
struct QueueBlock {
    pthread_mutex_t readLock;  // one reader at a time takes a whole message
    pthread_mutex_t writeLock; // one feeder at a time writes a whole message
    sem_t slots;               // maxsize permits; unused when unbounded
    std::atomic<std::int64_t> length;
    std::int64_t maxsize;
    int joinable;
    pthread_mutex_t joinMutex; // JoinableQueue: unfinished tasks and their condition
    pthread_cond_t joinCond;
    std::int64_t unfinished;
};
constexpr const char* kHandle = "queue";

ObjectKind kindOf(bool joinable) {
    return joinable ? ObjectKind::JoinableQueue : ObjectKind::Queue;
}

} // namespace

struct Queue::Impl : SharedObject<QueueBlock>, std::enable_shared_from_this<Queue::Impl> {
    explicit Impl(SharedObject<QueueBlock> o)
        : SharedObject<QueueBlock>(std::move(o)),
          pipe((runtime().sessionDir() / (segment->name().substr(1) + ".fifo")).string()) {}

    Fifo pipe;
    // The feeder thread and what it still has to write, as in CPython's Queue.
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::string> buffer;  // pickled items, as CPython's feeder sends them
    std::int64_t unwrittenBytes = 0; // queued here but not yet in the pipe
    bool writing = false;
    bool closing = false;
    std::thread feeder;

    // A queue another primitive owns (no name) reports nothing and is never gated.
    void report(Op op, Phase phase, std::int64_t value = 0, std::string_view text = {},
                std::int16_t extra = 0) const {
        if (id != trace::kNoObject) runtime().emit(op, phase, id, value, text, extra);
    }
    void gate(Op op) const {
        if (id != trace::kNoObject) runtime().gate(op, id);
    }

    void enqueue(const Item& item) {
        std::string pickled = item ? pickleString(*item) : pickleNone();
        std::lock_guard lock(mutex);
        unwrittenBytes += static_cast<std::int64_t>(pickled.size());
        buffer.push_back(std::move(pickled));
        if (!feeder.joinable()) {
            feeder = std::thread([this] { feed(); });
            runtime().addExitHook([self = shared_from_this()] { self->finishFeeding(); });
        }
        wake.notify_one();
    }

    void feed() {
        std::unique_lock lock(mutex);
        for (;;) {
            wake.wait(lock, [&] { return !buffer.empty() || closing; });
            if (buffer.empty()) return;
            std::string item = std::move(buffer.front());
            buffer.pop_front();
            writing = true;
            lock.unlock();
            lockShared(&block()->writeLock);
            pipe.writeMessage(item); // blocks while the pipe is full: nobody reads
            pthread_mutex_unlock(&block()->writeLock);
            lock.lock();
            writing = false;
            unwrittenBytes -= static_cast<std::int64_t>(item.size());
        }
    }

    // At exit the process waits for its feeder, as CPython's Queue._finalize_join does.
    void finishFeeding() {
        bool pending;
        std::int64_t bytes;
        {
            std::lock_guard lock(mutex);
            pending = writing || !buffer.empty();
            bytes = unwrittenBytes;
            closing = true;
            wake.notify_one();
        }
        // value: the bytes that still have to go through the pipe before this process can end
        if (pending) report(Op::Flush, Phase::Blocked, bytes);
        feeder.join();
        if (pending) report(Op::Flush, Phase::Done);
    }
};

Queue::Queue(int maxsize, std::string name) : Queue(maxsize, std::move(name), false) {}

Queue::Queue(int maxsize, std::string name, bool joinable) {
    if (maxsize < 0) maxsize = 0;
    auto o = SharedObject<QueueBlock>::create(
        kindOf(joinable), std::move(name), maxsize, [&](QueueBlock& b) {
            initSharedMutex(&b.readLock);
            initSharedMutex(&b.writeLock);
            sem_init(&b.slots, 1, static_cast<unsigned>(maxsize));
            b.length = 0;
            b.maxsize = maxsize;
            b.joinable = joinable;
            initSharedMutex(&b.joinMutex);
            initSharedCond(&b.joinCond);
            b.unfinished = 0;
        });
    o.extra.push_back(joinable ? "joinable" : "plain");
    impl_ = std::make_shared<Impl>(std::move(o));
}

Queue Queue::attach(std::string_view handle) {
    const auto h = Handle::parse(handle, kHandle);
    const bool joinable = h.extra.size() > 1 && h.extra[1] == "joinable";
    return Queue(std::make_shared<Impl>(
        SharedObject<QueueBlock>::attach(handle, kHandle, kindOf(joinable), -1)));
}

std::string Queue::handle() const {
    return impl_->handle(kHandle);
}
const std::string& Queue::name() const {
    return impl_->name;
}
int Queue::qsize() const {
    return static_cast<int>(impl_->block()->length.load());
}

void Queue::put(const Item& item, bool block, std::optional<double> timeout) {
    auto* b = impl_->block();
    impl_->gate(Op::Put);
    if (b->maxsize > 0 && sem_trywait(&b->slots) != 0) {
        if (!block) {
            impl_->report(Op::Put, Phase::Failed, b->length);
            throw Full();
        }
        impl_->report(Op::Put, Phase::Blocked, b->length, {}, timeout ? 1 : 0);
        const auto deadline = deadlineAfter(timeout);
        if (!waitSem(&b->slots, ptr(deadline))) {
            impl_->report(Op::Put, Phase::Failed, b->length);
            throw Full();
        }
    }
    if (b->joinable) {
        lockShared(&b->joinMutex);
        ++b->unfinished;
        pthread_mutex_unlock(&b->joinMutex);
    }
    const auto length = ++b->length;
    impl_->report(Op::Put, Phase::Done, length, item ? itemRepr(*item) : "None");
    impl_->enqueue(item);
}

Item Queue::get(bool block, std::optional<double> timeout) {
    auto* b = impl_->block();
    impl_->gate(Op::Get);
    const auto deadline = deadlineAfter(timeout);
    bool blocked = false;
    auto fail = [&] {
        impl_->report(Op::Get, Phase::Failed, b->length);
        throw Empty();
    };
    auto markBlocked = [&] {
        if (!blocked) impl_->report(Op::Get, Phase::Blocked, b->length, {}, timeout ? 1 : 0);
        blocked = true;
    };
    if (!tryLockShared(&b->readLock).acquired) {
        if (!block) fail();
        markBlocked();
        if (!lockShared(&b->readLock, ptr(deadline)).acquired) fail();
    }
    Item item;
    try {
        if (impl_->pipe.bytesWaiting() == 0) {
            if (!block) fail();
            markBlocked();
            if (!impl_->pipe.waitReadable(remainingMs(ptr(deadline)))) fail();
        }
        const std::string pickled = impl_->pipe.readMessage();
        if (pickled != pickleNone()) item = unpickleString(pickled);
    } catch (...) {
        pthread_mutex_unlock(&b->readLock);
        throw;
    }
    pthread_mutex_unlock(&b->readLock);
    // Recorded before the slot is freed: a producer waiting for it puts at once, and its put
    // must come after this get in the trace (stamped earlier it would show maxsize + 1 items).
    const auto length = --b->length;
    impl_->report(Op::Get, Phase::Done, length, item ? itemRepr(*item) : "None");
    if (b->maxsize > 0) sem_post(&b->slots);
    return item;
}

void Queue::task_done() {
    auto* b = impl_->block();
    if (!b->joinable) throw std::logic_error("task_done() on a Queue that is not joinable");
    impl_->gate(Op::TaskDone);
    lockShared(&b->joinMutex);
    if (b->unfinished <= 0) {
        pthread_mutex_unlock(&b->joinMutex);
        throw std::logic_error("task_done() called too many times");
    }
    const auto left = --b->unfinished;
    impl_->report(Op::TaskDone, Phase::Done, left);
    if (left == 0) pthread_cond_broadcast(&b->joinCond);
    pthread_mutex_unlock(&b->joinMutex);
}

void Queue::join() {
    auto* b = impl_->block();
    if (!b->joinable) throw std::logic_error("join() on a Queue that is not joinable");
    impl_->gate(Op::QueueJoin);
    lockShared(&b->joinMutex);
    if (b->unfinished > 0) {
        impl_->report(Op::QueueJoin, Phase::Blocked, b->unfinished);
        while (b->unfinished > 0) {
            if (pthread_cond_wait(&b->joinCond, &b->joinMutex) == EOWNERDEAD)
                pthread_mutex_consistent(&b->joinMutex);
        }
    }
    pthread_mutex_unlock(&b->joinMutex);
    impl_->report(Op::QueueJoin, Phase::Done, 0);
}

JoinableQueue::JoinableQueue(int maxsize, std::string name)
    : Queue(maxsize, std::move(name), true) {}

JoinableQueue JoinableQueue::attach(std::string_view handle) {
    return JoinableQueue(Queue::attach(handle));
}

} // namespace mpviz::mp
