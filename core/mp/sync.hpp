#pragma once
// Process-shared pthread building blocks, and deadlines on the monotonic clock.

#include <ctime>
#include <optional>
#include <pthread.h>
#include <semaphore.h>

namespace mpviz::mp::detail {

void initSharedMutex(pthread_mutex_t* m); // robust: a dead holder does not wedge it forever
void initSharedCond(pthread_cond_t* c);   // waits measured on CLOCK_MONOTONIC

struct LockResult {
    bool acquired = false;
    bool ownerDied = false; // the previous holder died holding it; we recovered it
};
LockResult lockShared(pthread_mutex_t* m, const timespec* deadline = nullptr);
LockResult tryLockShared(pthread_mutex_t* m);
// Waits for a process-shared semaphore until the deadline (none: for ever); false on timeout.
bool waitSem(sem_t* s, const timespec* deadline);

// A timeout in scenario seconds → an absolute CLOCK_MONOTONIC deadline (speed-scaled).
std::optional<timespec> deadlineAfter(std::optional<double> timeout);
const timespec* ptr(const std::optional<timespec>& t);
int remainingMs(const timespec* deadline); // -1 without deadline

} // namespace mpviz::mp::detail
