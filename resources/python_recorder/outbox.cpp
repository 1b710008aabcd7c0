// The frames a Python process has recorded and not sent yet, and the thread that sends them:
// a native thread that never takes the GIL, so that sending costs the program no GIL
// hand-off (the pure-Python flusher in runtime.py had to win the GIL from the program every
// millisecond of a busy loop, two context switches or more each time on one core). Same
// policy as runtime.py's flusher and core/mp/runtime.cpp's: it sleeps while nothing is
// buffered, sends the first frame at once, then lets a burst gather for 1 ms
// (EventSorter::kPromptWindowNs counts on it).
#include "recorder.hpp"

#include <cerrno>
#include <ctime>
#include <pthread.h>
#include <sys/socket.h>
#include <utility>

namespace mpviz::python_recorder {
namespace {

constexpr long kGatherNs = 1'000'000;

// pthread's own primitives: a forked child initializes them afresh (see forgetInChild).
struct Outbox {
    pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER; // guards frames, asleep, stopped
    pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
    pthread_mutex_t sending = PTHREAD_MUTEX_INITIALIZER; // one sender at a time, in order
    std::vector<char> frames;
    int fd = -1; // the engine's socket; -1 before connect() and once a send failed
    bool asleep = false;
    bool running = false; // this process's flusher thread was started
    bool stopped = false;
};
Outbox outbox;

// Sends everything buffered, in order; false if the engine cannot be reached (the frames are
// dropped). Called without the GIL.
bool sendPending() {
    pthread_mutex_lock(&outbox.sending);
    std::vector<char> out;
    pthread_mutex_lock(&outbox.mutex);
    out.swap(outbox.frames);
    pthread_mutex_unlock(&outbox.mutex);
    std::size_t sent = 0;
    while (outbox.fd >= 0 && sent < out.size()) {
        const ssize_t n = ::send(outbox.fd, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
        if (n > 0)
            sent += static_cast<std::size_t>(n);
        else if (n < 0 && errno != EINTR)
            outbox.fd = -1; // the engine is gone
    }
    const bool ok = outbox.fd >= 0;
    pthread_mutex_unlock(&outbox.sending);
    return ok;
}

void* flusher(void*) {
    for (;;) {
        pthread_mutex_lock(&outbox.mutex);
        while (outbox.frames.empty() && !outbox.stopped) {
            outbox.asleep = true;
            pthread_cond_wait(&outbox.wake, &outbox.mutex);
        }
        outbox.asleep = false;
        const bool stopped = outbox.stopped;
        pthread_mutex_unlock(&outbox.mutex);
        if (stopped || !sendPending()) return nullptr;
        timespec gather{0, kGatherNs};
        while (nanosleep(&gather, &gather) != 0 && errno == EINTR) {
        }
    }
}

// In a forked child: the parent's thread is not there, its socket is not ours, and a lock
// may have been copied held.
void forgetInChild() {
    outbox.mutex = PTHREAD_MUTEX_INITIALIZER;
    outbox.sending = PTHREAD_MUTEX_INITIALIZER;
    outbox.wake = PTHREAD_COND_INITIALIZER;
    outbox.fd = -1;
    outbox.asleep = outbox.running = outbox.stopped = false;
}

void lockForFork() {
    pthread_mutex_lock(&outbox.mutex);
}

void unlockAfterFork() {
    pthread_mutex_unlock(&outbox.mutex);
}

} // namespace

OutboxLock::OutboxLock() {
    static const bool forkSafe = pthread_atfork(lockForFork, unlockAfterFork, forgetInChild) == 0;
    (void)forkSafe;
    pthread_mutex_lock(&outbox.mutex);
}

OutboxLock::~OutboxLock() {
    pthread_mutex_unlock(&outbox.mutex);
}

std::vector<char>& OutboxLock::frames() {
    return outbox.frames;
}

void OutboxLock::wakeFlusher() {
    if (outbox.asleep) {
        outbox.asleep = false;
        pthread_cond_signal(&outbox.wake);
    }
}

// append(frame): an encoded frame (a declaration, a source file), in order after every event
// recorded before it.
PyObject* outboxAppend(PyObject*, PyObject* frame) {
    char* data;
    Py_ssize_t size;
    if (PyBytes_AsStringAndSize(frame, &data, &size) != 0) return nullptr;
    OutboxLock lock;
    lock.frames().insert(lock.frames().end(), data, data + size);
    lock.wakeFlusher();
    Py_RETURN_NONE;
}

// connect(fd): the engine's socket (the caller keeps it open); starts this process's flusher.
PyObject* outboxConnect(PyObject*, PyObject* fd) {
    const long n = PyLong_AsLong(fd);
    if (n == -1 && PyErr_Occurred()) return nullptr;
    bool start;
    {
        OutboxLock lock;
        outbox.fd = static_cast<int>(n);
        outbox.stopped = false;
        start = !outbox.running;
        outbox.running = true;
    }
    if (start) {
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        pthread_t thread;
        const int failed = pthread_create(&thread, &attr, flusher, nullptr);
        pthread_attr_destroy(&attr);
        if (failed) {
            OutboxLock lock;
            outbox.running = false;
            PyErr_SetString(PyExc_RuntimeError, "cannot start the flusher thread");
            return nullptr;
        }
    }
    Py_RETURN_NONE;
}

// flush() -> bool: sends everything buffered now, the GIL released (after connect()); False
// once the engine cannot be reached.
PyObject* outboxFlush(PyObject*, PyObject*) {
    PyThreadState* thread = PyEval_SaveThread();
    const bool ok = sendPending();
    PyEval_RestoreThread(thread);
    return PyBool_FromLong(ok);
}

// stop(): the flusher thread sends no more (the process's program has ended); flush() still
// does.
PyObject* outboxStop(PyObject*, PyObject*) {
    OutboxLock lock;
    outbox.stopped = true;
    pthread_cond_signal(&outbox.wake);
    Py_RETURN_NONE;
}

} // namespace mpviz::python_recorder
