#include "mp/sync.hpp"

#include "mp/runtime.hpp"
#include "trace/clock.hpp"

#include <cerrno>
#include <stdexcept>
#include <string>

namespace mpviz::mp::detail {

void initSharedMutex(pthread_mutex_t* m) {
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(m, &attr);
    pthread_mutexattr_destroy(&attr);
}

void initSharedCond(pthread_cond_t* c) {
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(c, &attr);
    pthread_condattr_destroy(&attr);
}

bool waitSem(sem_t* s, const timespec* deadline) {
    int rc;
    do {
        rc = deadline ? sem_clockwait(s, CLOCK_MONOTONIC, deadline) : sem_wait(s);
    } while (rc != 0 && errno == EINTR);
    return rc == 0;
}

namespace {
LockResult interpret(pthread_mutex_t* m, int rc) {
    if (rc == 0) return {true, false};
    if (rc == EOWNERDEAD) {
        pthread_mutex_consistent(m);
        return {true, true};
    }
    if (rc == EBUSY || rc == ETIMEDOUT) return {false, false};
    throw std::runtime_error("shared mutex failed: error " + std::to_string(rc));
}
} // namespace

LockResult lockShared(pthread_mutex_t* m, const timespec* deadline) {
    int rc;
    do {
        rc = deadline ? pthread_mutex_clocklock(m, CLOCK_MONOTONIC, deadline)
                      : pthread_mutex_lock(m);
    } while (rc == EINTR);
    return interpret(m, rc);
}

LockResult tryLockShared(pthread_mutex_t* m) {
    return interpret(m, pthread_mutex_trylock(m));
}

std::optional<timespec> deadlineAfter(std::optional<double> timeout) {
    if (!timeout) return std::nullopt;
    const std::int64_t at = trace::nowNs() + scaledNs(*timeout);
    return timespec{static_cast<time_t>(at / 1'000'000'000), static_cast<long>(at % 1'000'000'000)};
}

const timespec* ptr(const std::optional<timespec>& t) {
    return t ? &*t : nullptr;
}

int remainingMs(const timespec* deadline) {
    if (!deadline) return -1;
    const std::int64_t at = std::int64_t(deadline->tv_sec) * 1'000'000'000 + deadline->tv_nsec;
    const std::int64_t left = at - trace::nowNs();
    return left <= 0 ? 0 : static_cast<int>((left + 999'999) / 1'000'000);
}

} // namespace mpviz::mp::detail
