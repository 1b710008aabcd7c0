// A named queue's put and get in their common case, in C: the same steps as the shim's
// queues.py (and its pure-Python twins there), which are multiprocessing.Queue's own with
// the event recorded in between. A put: the slot taken without waiting, the put recorded,
// then the item handed to the feeder thread (buffer append, notify) - recorded before its
// item can be read. A get: the message read and unpickled under the read lock, the get
// recorded, and only then the slot freed - recorded before a waiting putter can put.
// Written in C because, on one core, every microsecond of Python between the put's notify
// and the get's read makes the hand-off with the feeder thread longer (docs/python-programs.md,
// "Cost"). The Python objects' own methods are called for everything they own.
#include "recorder.hpp"

#include <cerrno>
#include <cstdint>
#include <unistd.h>

namespace mpviz::python_recorder {
namespace {

struct Names {
    PyObject *closed, *sem, *semlock, *getValue, *maxsize, *acquire, *release, *notempty, *lock,
        *thread, *startThread, *buffer, *append, *cond, *enter, *exit, *unfinishedTasks, *waiters,
        *remove, *rlock, *recvBytes, *readable, *reader, *handle, *active, *step, *mpviz, *lid;
};

PyObject* intern(const char* name) {
    return PyUnicode_InternFromString(name);
}

const Names* names() {
    static const Names n{intern("_closed"),
                         intern("_sem"),
                         intern("_semlock"),
                         intern("_get_value"),
                         intern("_maxsize"),
                         intern("acquire"),
                         intern("release"),
                         intern("_notempty"),
                         intern("_lock"),
                         intern("_thread"),
                         intern("_start_thread"),
                         intern("_buffer"),
                         intern("append"),
                         intern("_cond"),
                         intern("__enter__"),
                         intern("__exit__"),
                         intern("_unfinished_tasks"),
                         intern("_waiters"),
                         intern("remove"),
                         intern("_rlock"),
                         intern("_recv_bytes"),
                         intern("_readable"),
                         intern("_reader"),
                         intern("_handle"),
                         intern("ACTIVE"),
                         intern("STEP"),
                         intern("_mpviz"),
                         intern("lid")};
    return &n;
}

// A new reference to obj.name(), or to obj.name(arg) when arg is given.
PyObject* call(PyObject* obj, PyObject* name, PyObject* arg = nullptr) {
    return arg ? PyObject_CallMethodOneArg(obj, name, arg) : PyObject_CallMethodNoArgs(obj, name);
}

// obj.name() for its effect; false with a Python error set.
bool callForEffect(PyObject* obj, PyObject* name, PyObject* arg = nullptr) {
    PyObject* r = call(obj, name, arg);
    Py_XDECREF(r);
    return r != nullptr;
}

// A lock's release (or a `with` block's exit) after its body, which may have failed: the
// body's error, if any, is the one that stays set. False if the release itself failed.
bool releaseAfter(PyObject* obj, PyObject* name, bool exit = false) {
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyObject* r = exit ? PyObject_CallMethodObjArgs(obj, name, Py_None, Py_None, Py_None, nullptr)
                       : call(obj, name);
    Py_XDECREF(r);
    if (type) PyErr_Restore(type, value, traceback);
    return r != nullptr;
}

// The truth of obj.name: 1, 0, or -1 with a Python error set.
int attributeIsTrue(PyObject* obj, PyObject* name) {
    PyObject* v = PyObject_GetAttr(obj, name);
    if (!v) return -1;
    const int t = PyObject_IsTrue(v);
    Py_DECREF(v);
    return t;
}

// The truth of obj.name(arg): 1, 0, or -1 with a Python error set.
int callIsTrue(PyObject* obj, PyObject* name, PyObject* arg = nullptr) {
    PyObject* r = call(obj, name, arg);
    if (!r) return -1;
    const int t = PyObject_IsTrue(r);
    Py_DECREF(r);
    return t;
}

// The queue's length by its count (queues.py's _length): maxsize - the free slots. False with
// a Python error set.
bool length(PyObject* q, long long& out) {
    const Names* n = names();
    PyObject* maxsize = PyObject_GetAttr(q, n->maxsize);
    PyObject* sem = maxsize ? PyObject_GetAttr(q, n->sem) : nullptr;
    PyObject* semlock = sem ? PyObject_GetAttr(sem, n->semlock) : nullptr;
    PyObject* free = semlock ? call(semlock, n->getValue) : nullptr;
    if (free) out = PyLong_AsLongLong(maxsize) - PyLong_AsLongLong(free);
    Py_XDECREF(free);
    Py_XDECREF(semlock);
    Py_XDECREF(sem);
    Py_XDECREF(maxsize);
    return free && !PyErr_Occurred();
}

// threading.Condition.notify(1) for a condition whose lock the caller holds.
bool notifyOne(PyObject* condition) {
    const Names* n = names();
    PyObject* waiters = PyObject_GetAttr(condition, n->waiters);
    if (!waiters) return false;
    bool ok = true;
    for (;;) {
        const Py_ssize_t size = PyObject_Size(waiters);
        if (size <= 0) {
            ok = size == 0;
            break;
        }
        PyObject* waiter = PySequence_GetItem(waiters, 0);
        if (!waiter) {
            ok = false;
            break;
        }
        bool released = callForEffect(waiter, n->release);
        // Already released by a notify interrupted before it removed the waiter (gh-92530).
        if (!released && PyErr_ExceptionMatches(PyExc_RuntimeError))
            PyErr_Clear();
        else if (!released)
            ok = false;
        if (ok && !callForEffect(waiters, n->remove, waiter)) {
            if (PyErr_ExceptionMatches(PyExc_ValueError))
                PyErr_Clear();
            else
                ok = false;
        }
        Py_DECREF(waiter);
        if (!ok || released) break;
    }
    Py_DECREF(waiters);
    return ok;
}

// `with q._cond: q._unfinished_tasks.release()` (a JoinableQueue counts the task).
bool countTask(PyObject* q) {
    const Names* n = names();
    PyObject* cond = PyObject_GetAttr(q, n->cond);
    if (!cond) return false;
    bool ok = callForEffect(cond, n->enter);
    if (ok) {
        PyObject* tasks = PyObject_GetAttr(q, n->unfinishedTasks);
        ok = tasks && callForEffect(tasks, n->release);
        Py_XDECREF(tasks);
        ok = releaseAfter(cond, n->exit, true) && ok;
    }
    Py_DECREF(cond);
    return ok;
}

// Queue.put's steps after its semaphore, under q._notempty (queues.py's _hand_to_feeder).
bool handToFeeder(PyObject* q, PyObject* item, bool joinable) {
    const Names* n = names();
    PyObject* notempty = PyObject_GetAttr(q, n->notempty);
    PyObject* lock = notempty ? PyObject_GetAttr(notempty, n->lock) : nullptr;
    if (!lock || !callForEffect(lock, n->acquire)) {
        Py_XDECREF(lock);
        Py_XDECREF(notempty);
        return false;
    }
    bool ok = true;
    PyObject* thread = PyObject_GetAttr(q, n->thread);
    if (!thread)
        ok = false;
    else if (thread == Py_None)
        ok = callForEffect(q, n->startThread);
    Py_XDECREF(thread);
    if (ok) {
        PyObject* buffer = PyObject_GetAttr(q, n->buffer);
        ok = buffer && callForEffect(buffer, n->append, item);
        Py_XDECREF(buffer);
    }
    ok = ok && (!joinable || countTask(q)) && notifyOne(notempty);
    const bool released = releaseAfter(lock, n->release);
    Py_DECREF(lock);
    Py_DECREF(notempty);
    return ok && released;
}

PyObject* importedAttribute(const char* module, const char* name) {
    PyObject* m = PyImport_ImportModule(module);
    PyObject* a = m ? PyObject_GetAttrString(m, name) : nullptr;
    Py_XDECREF(m);
    return a;
}

// Connection._recv: exactly `size` bytes of the pipe into `into`, the GIL released while it
// waits; EOFError at end of file before any of them, as Connection says. False with a
// Python error set.
bool readExactly(int fd, char* into, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        PyThreadState* thread = PyEval_SaveThread();
        const ssize_t n = ::read(fd, into + done, size - done);
        const int error = errno;
        PyEval_RestoreThread(thread);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
        } else if (n == 0) {
            if (done == 0)
                PyErr_SetNone(PyExc_EOFError);
            else
                PyErr_SetString(PyExc_OSError, "got end of file during message");
            return false;
        } else if (error != EINTR) {
            errno = error;
            PyErr_SetFromErrno(PyExc_OSError);
            return false;
        } else if (PyErr_CheckSignals() != 0) {
            return false;
        }
    }
    return true;
}

// q._recv_bytes(): Connection.recv_bytes() of the queue's read end, the same reads done in
// C when it is a plain Connection (its length, 4 bytes big-endian, or -1 and 8 bytes; then
// the message), else the method itself.
PyObject* receive(PyObject* q) {
    static PyObject* connection = importedAttribute("multiprocessing.connection", "Connection");
    if (!connection) return nullptr;
    PyObject* reader = PyObject_GetAttr(q, names()->reader);
    if (!reader) return nullptr;
    if (Py_TYPE(reader) != reinterpret_cast<PyTypeObject*>(connection)) {
        Py_DECREF(reader);
        return call(q, names()->recvBytes);
    }
    PyObject* handle = PyObject_GetAttr(reader, names()->handle);
    const int readable = handle ? attributeIsTrue(reader, names()->readable) : -1;
    Py_DECREF(reader);
    if (readable < 0) {
        Py_XDECREF(handle);
        return nullptr;
    }
    const long fd = handle == Py_None ? -1 : PyLong_AsLong(handle);
    Py_DECREF(handle);
    if (fd == -1 && PyErr_Occurred()) return nullptr;
    if (fd < 0 || !readable) {
        PyErr_SetString(PyExc_OSError, fd < 0 ? "handle is closed" : "connection is write-only");
        return nullptr;
    }
    unsigned char head[8];
    if (!readExactly(fd, reinterpret_cast<char*>(head), 4)) return nullptr;
    std::int64_t size = static_cast<std::int32_t>(std::uint32_t{head[0]} << 24 | head[1] << 16 |
                                                  head[2] << 8 | head[3]);
    if (size == -1) {
        if (!readExactly(fd, reinterpret_cast<char*>(head), 8)) return nullptr;
        std::uint64_t wide = 0;
        for (unsigned char byte : head)
            wide = wide << 8 | byte;
        if (wide > static_cast<std::uint64_t>(PY_SSIZE_T_MAX)) return PyErr_NoMemory();
        size = static_cast<std::int64_t>(wide);
    }
    if (size < 0) size = 0; // Connection reads nothing for a negative length
    PyObject* message = PyBytes_FromStringAndSize(nullptr, static_cast<Py_ssize_t>(size));
    if (message && !readExactly(fd, PyBytes_AS_STRING(message), static_cast<std::size_t>(size)))
        Py_CLEAR(message);
    return message;
}

PyObject* loads() {
    static PyObject* function = [] {
        PyObject* reduction = PyImport_ImportModule("multiprocessing.reduction");
        PyObject* pickler =
            reduction ? PyObject_GetAttrString(reduction, "ForkingPickler") : nullptr;
        PyObject* f = pickler ? PyObject_GetAttrString(pickler, "loads") : nullptr;
        Py_XDECREF(pickler);
        Py_XDECREF(reduction);
        return f;
    }();
    if (!function && !PyErr_Occurred())
        PyErr_SetString(PyExc_ImportError, "multiprocessing.reduction.ForkingPickler.loads");
    return function;
}

// queues.py's _take: the caller holds the read lock and the message is there.
PyObject* take(PyObject* q, long object) {
    const Names* n = names();
    PyObject* unpickle = loads();
    if (!unpickle) return nullptr;
    PyObject* message = receive(q);
    if (!message) return nullptr;
    PyObject* item = PyObject_CallOneArg(unpickle, message);
    Py_DECREF(message);
    long long left = 0;
    PyObject* sem = nullptr;
    if (!item || !length(q, left) || !recordItem(trace::Op::Get, object, left - 1, item, nowNs()) ||
        !(sem = PyObject_GetAttr(q, n->sem)) || !callForEffect(sem, n->release)) {
        Py_XDECREF(sem);
        Py_XDECREF(item);
        return nullptr;
    }
    Py_DECREF(sem);
    return item;
}

// The call has `expected` arguments and the object's local id at `at`; else a TypeError
// saying how it is called.
bool arguments(Py_ssize_t nargs, Py_ssize_t expected, PyObject* const* args, int at, long& object,
               const char* usage) {
    if (nargs == expected) {
        object = PyLong_AsLong(args[at]);
        if (!(object == -1 && PyErr_Occurred())) return true;
    }
    if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, usage);
    return false;
}

} // namespace

// queue_put(queue, item, object, joinable) -> bool: False, having done nothing, when the
// queue is closed or has no free slot (the caller's slow path raises, or waits and reports).
PyObject* queuePut(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
    long object = 0;
    if (!arguments(nargs, 4, args, 2, object, "queue_put(queue, item, object, joinable)"))
        return nullptr;
    PyObject* q = args[0];
    const int joinable = PyObject_IsTrue(args[3]);
    const int closed = joinable < 0 ? -1 : attributeIsTrue(q, names()->closed);
    if (closed < 0) return nullptr;
    if (closed) Py_RETURN_FALSE;
    PyObject* sem = PyObject_GetAttr(q, names()->sem);
    const int slot = sem ? callIsTrue(sem, names()->acquire, Py_False) : -1;
    Py_XDECREF(sem);
    if (slot < 0) return nullptr;
    if (!slot) Py_RETURN_FALSE;
    long long now = 0;
    if (!length(q, now) || !recordItem(trace::Op::Put, object, now, args[1], nowNs()) ||
        !handToFeeder(q, args[1], joinable))
        return nullptr;
    Py_RETURN_TRUE;
}

// queue_take(queue, object) -> item: queues.py's _take.
PyObject* queueTake(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
    long object = 0;
    if (!arguments(nargs, 2, args, 1, object, "queue_take(queue, object)")) return nullptr;
    return take(args[0], object);
}

// queue_get(queue, object, missing) -> item, or `missing` having done nothing: a blocking get
// of an item still in this process's own buffer (its feeder thread, which lives as long as we
// do, will write it), read at once unless the queue is closed or another getter reads.
PyObject* queueGet(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
    long object = 0;
    if (!arguments(nargs, 3, args, 1, object, "queue_get(queue, object, missing)")) return nullptr;
    PyObject* q = args[0];
    const Names* n = names();
    int ready = attributeIsTrue(q, n->buffer);
    if (ready > 0) {
        const int closed = attributeIsTrue(q, n->closed);
        ready = closed < 0 ? -1 : !closed;
    }
    PyObject* rlock = ready > 0 ? PyObject_GetAttr(q, n->rlock) : nullptr;
    if (rlock)
        ready = callIsTrue(rlock, n->acquire, Py_False);
    else if (ready > 0)
        ready = -1;
    if (ready <= 0) {
        Py_XDECREF(rlock);
        if (ready < 0) return nullptr;
        Py_INCREF(args[2]);
        return args[2];
    }
    PyObject* item = take(q, object);
    const bool released = releaseAfter(rlock, n->release);
    Py_DECREF(rlock);
    if (!released) Py_CLEAR(item);
    return item;
}

} // namespace mpviz::python_recorder

// put and get themselves, as methods of Queue and JoinableQueue, for the call a program makes
// most (put(item), get()): no Python frame of the shim's between the program and the queue's
// steps, so the recorder finds the program's line at once. Everything else - an unnamed
// queue, no session, step mode, an object not declared yet, a timeout, a wait - is left to
// the shim's Python wrappers (queues.py's put_ and get_), called as they would have been.
namespace mpviz::python_recorder {
namespace {

struct Fallbacks {
    PyObject* runtime = nullptr; // mpviz_shim.runtime: ACTIVE, STEP
    PyObject* put = nullptr;     // Queue's
    PyObject* joinablePut = nullptr;
    PyObject* get = nullptr;
};
Fallbacks fallbacks;

// The queue's local id when this call can take the common case, else -1 (-2: a Python
// error is set).
long commonCase(PyObject* self) {
    PyObject* active = PyObject_GetAttr(fallbacks.runtime, names()->active);
    PyObject* step = active ? PyObject_GetAttr(fallbacks.runtime, names()->step) : nullptr;
    const bool running = active == Py_True && step == Py_False;
    Py_XDECREF(active);
    Py_XDECREF(step);
    if (!step) return -2;
    if (!running) return -1;
    PyObject* dict = PyObject_GenericGetDict(self, nullptr);
    if (!dict) return -2;
    PyObject* decl = PyDict_GetItemWithError(dict, names()->mpviz); // borrowed
    PyObject* lid = decl ? PyObject_GetAttr(decl, names()->lid) : nullptr;
    Py_DECREF(dict);
    if (!lid) return decl || PyErr_Occurred() ? -2 : -1;
    const long id = PyLong_AsLong(lid);
    Py_DECREF(lid);
    if (id == -1 && PyErr_Occurred()) return -2;
    return id == static_cast<long>(trace::kNoObject) ? -1 : id;
}

PyObject* callFallback(PyObject* fallback, PyObject* self, PyObject* const* args, Py_ssize_t nargs,
                       PyObject* kwnames) {
    PyObject* small[4];
    const Py_ssize_t total = nargs + 1 + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
    PyObject** all = total <= 4 ? small : PyMem_New(PyObject*, total);
    if (!all) return PyErr_NoMemory();
    all[0] = self;
    for (Py_ssize_t i = 1; i < total; ++i)
        all[i] = args[i - 1];
    PyObject* r = PyObject_Vectorcall(fallback, all, static_cast<size_t>(nargs + 1), kwnames);
    if (all != small) PyMem_Free(all);
    return r;
}

PyObject* put(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames,
              bool joinable) {
    PyObject* fallback = joinable ? fallbacks.joinablePut : fallbacks.put;
    if (nargs == 1 && !kwnames) {
        const long id = commonCase(self);
        if (id == -2) return nullptr;
        if (id >= 0) {
            PyObject* callArgs[] = {self, args[0], nullptr, joinable ? Py_True : Py_False};
            PyObject* object = PyLong_FromLong(id);
            if (!object) return nullptr;
            callArgs[2] = object;
            PyObject* done = queuePut(nullptr, callArgs, 4);
            Py_DECREF(object);
            if (!done) return nullptr;
            const bool taken = done == Py_True;
            Py_DECREF(done);
            if (taken) Py_RETURN_NONE;
        }
    }
    return callFallback(fallback, self, args, nargs, kwnames);
}

PyObject* queuePutMethod(PyObject* self, PyObject* const* args, Py_ssize_t nargs,
                         PyObject* kwnames) {
    return put(self, args, nargs, kwnames, false);
}

PyObject* joinablePutMethod(PyObject* self, PyObject* const* args, Py_ssize_t nargs,
                            PyObject* kwnames) {
    return put(self, args, nargs, kwnames, true);
}

PyObject* getMethod(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
    if (nargs == 0 && !kwnames) {
        const long id = commonCase(self);
        if (id == -2) return nullptr;
        if (id >= 0) {
            PyObject* object = PyLong_FromLong(id);
            if (!object) return nullptr;
            static PyObject* missing =
                PyObject_CallNoArgs(reinterpret_cast<PyObject*>(&PyBaseObject_Type));
            if (!missing) {
                Py_DECREF(object);
                return nullptr;
            }
            PyObject* callArgs[] = {self, object, missing};
            PyObject* item = queueGet(nullptr, callArgs, 3);
            Py_DECREF(object);
            if (item != missing) return item;
            Py_DECREF(item);
        }
    }
    return callFallback(fallbacks.get, self, args, nargs, kwnames);
}

PyMethodDef queuePutDef = {
    "put", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(queuePutMethod)),
    METH_FASTCALL | METH_KEYWORDS, nullptr};
PyMethodDef joinablePutDef = {
    "put", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(joinablePutMethod)),
    METH_FASTCALL | METH_KEYWORDS, nullptr};
PyMethodDef getDef = {"get", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(getMethod)),
                      METH_FASTCALL | METH_KEYWORDS, nullptr};

} // namespace

// queue_methods(runtime, queue, put, joinable_queue, joinable_put, get) -> (put, joinable
// put, get): the methods to install on Queue and JoinableQueue, each falling back to the
// shim's Python wrapper given.
PyObject* queueMethods(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
    if (nargs != 6 || !PyType_Check(args[1]) || !PyType_Check(args[3])) {
        PyErr_SetString(PyExc_TypeError,
                        "queue_methods(runtime, queue, put, joinable_queue, joinable_put, get)");
        return nullptr;
    }
    PyObject** slots[] = {&fallbacks.runtime, &fallbacks.put, &fallbacks.joinablePut,
                          &fallbacks.get};
    PyObject* given[] = {args[0], args[2], args[4], args[5]};
    for (int i = 0; i < 4; ++i) {
        Py_INCREF(given[i]);
        Py_XSETREF(*slots[i], given[i]);
    }
    auto* queue = reinterpret_cast<PyTypeObject*>(args[1]);
    auto* joinable = reinterpret_cast<PyTypeObject*>(args[3]);
    PyObject* methods[] = {PyDescr_NewMethod(queue, &queuePutDef),
                           PyDescr_NewMethod(joinable, &joinablePutDef),
                           PyDescr_NewMethod(queue, &getDef)};
    if (!methods[0] || !methods[1] || !methods[2]) {
        for (PyObject* m : methods)
            Py_XDECREF(m);
        return nullptr;
    }
    return Py_BuildValue("(NNN)", methods[0], methods[1], methods[2]);
}

} // namespace mpviz::python_recorder
