// _mpviz_recorder: the shim's hot path in C, for the CPython mpviz was built against (the
// shim falls back to its pure-Python recorder in runtime.py for any other interpreter). It
// does what runtime.record_done and the flusher's packing do, without a Python frame per
// event: find the program's line, read the clock, and append the event frame, already in
// its wire layout (wire::Encoder, docs/wire-protocol.md), to the outbox (outbox.cpp), whose
// own thread sends it without the GIL; take() and arm_wake() serve the pure-Python flusher's
// interface (recorder_test.py compares both recorders through it). Recording runs under the
// GIL. Python is called back only for what it owns: a new source file (declared with a
// Source frame), the number of a thread other than the main one, the text of an item that is
// not a number or a short str, and waking a sleeping Python flusher.
#include "recorder.hpp"

#include <frameobject.h>

#include "wire/protocol.hpp"

#include <climits>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <vector>

namespace mpviz::python_recorder {

long long nowNs() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now); // time.monotonic_ns()'s clock, as the engine reads
    return static_cast<long long>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

} // namespace mpviz::python_recorder

namespace {
using namespace mpviz;
using python_recorder::nowNs;

// A program's call site: (code, instruction offset) -> (file id, line). A code whose file is
// multiprocessing's or the shim's is stored once with kSkipped as its offset and file 0.
constexpr int kSkipped = INT_MIN;
struct Site {
    PyObject* code = nullptr; // a strong reference: the address is never reused while cached
    int offset = 0;
    std::uint16_t file = 0;
    std::uint32_t line = 0;
};

struct State {
    std::vector<Site> sites = std::vector<Site>(1024);
    std::size_t used = 0;
    PyObject* fileId = nullptr;       // filename -> file id (0: skipped)
    PyObject* wall = nullptr;         // a code whose frame and those below are not the program's
    PyObject* threadNumber = nullptr; // thread ident -> thread number
    PyObject* wake = nullptr;         // wakes the flusher (once per arm_wake)
    PyObject* itemText = nullptr;     // an item -> its short repr (patching.item_text)
    Py_ssize_t shown = 0;             // a str this long or shorter is its own repr there
    unsigned long mainThread = 0;
    bool wakeArmed = false;
};
State state;

std::size_t slotOf(PyObject* code, int offset, std::size_t mask) {
    auto h = reinterpret_cast<std::uintptr_t>(code) >> 4;
    h ^= static_cast<std::uintptr_t>(static_cast<unsigned>(offset)) * 0x9E3779B97F4A7C15ull;
    return (h ^ (h >> 29)) & mask;
}

const Site* findSite(PyObject* code, int offset) {
    const std::size_t mask = state.sites.size() - 1;
    for (std::size_t i = slotOf(code, offset, mask);; i = (i + 1) & mask) {
        const Site& s = state.sites[i];
        if (s.code == nullptr) return nullptr;
        if (s.code == code && s.offset == offset) return &s;
    }
}

void insertSite(const Site& site) {
    if ((state.used + 1) * 2 > state.sites.size()) {
        std::vector<Site> old(state.sites.size() * 2);
        old.swap(state.sites);
        state.used = 0;
        for (const Site& s : old)
            if (s.code) insertSite(s);
    }
    const std::size_t mask = state.sites.size() - 1;
    std::size_t i = slotOf(site.code, site.offset, mask);
    while (state.sites[i].code)
        i = (i + 1) & mask;
    state.sites[i] = site;
    ++state.used;
}

void forgetSites() {
    for (Site& s : state.sites) {
        Py_XDECREF(s.code);
        s = Site{};
    }
    state.used = 0;
}

// The program's (file, line) at or outside `frame`; false with a Python error set.
bool locate(PyFrameObject* frame, std::uint16_t& file, std::uint32_t& line) {
    file = 0;
    line = 0;
    Py_XINCREF(frame);
    while (frame) {
        PyCodeObject* code = PyFrame_GetCode(frame);
        auto* key = reinterpret_cast<PyObject*>(code);
        if (key == state.wall) {
            Py_DECREF(code);
            Py_DECREF(frame);
            return true;
        }
        const int offset = PyFrame_GetLasti(frame);
        bool skipped = false;
        if (const Site* s = findSite(key, offset)) {
            file = s->file;
            line = s->line;
        } else if (findSite(key, kSkipped)) {
            skipped = true;
        } else {
            PyObject* id = PyObject_CallOneArg(state.fileId, code->co_filename);
            const long n = id ? PyLong_AsLong(id) : -1;
            Py_XDECREF(id);
            if (n < 0 || n > UINT16_MAX) {
                if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "file id out of range");
                Py_DECREF(code);
                Py_DECREF(frame);
                return false;
            }
            skipped = n == 0;
            Py_INCREF(key);
            if (skipped) {
                insertSite(Site{key, kSkipped, 0, 0});
            } else {
                file = static_cast<std::uint16_t>(n);
                line = static_cast<std::uint32_t>(PyFrame_GetLineNumber(frame));
                insertSite(Site{key, offset, file, line});
            }
        }
        Py_DECREF(code);
        if (!skipped) {
            Py_DECREF(frame);
            return true;
        }
        PyFrameObject* back = PyFrame_GetBack(frame);
        Py_DECREF(frame);
        frame = back;
    }
    return true;
}

bool threadNumber(std::uint32_t& number) {
    const unsigned long ident = PyThread_get_thread_ident();
    if (ident == state.mainThread) {
        number = 0;
        return true;
    }
    PyObject* arg = PyLong_FromUnsignedLong(ident);
    PyObject* n = arg ? PyObject_CallOneArg(state.threadNumber, arg) : nullptr;
    Py_XDECREF(arg);
    const long value = n ? PyLong_AsLong(n) : -1;
    Py_XDECREF(n);
    if (PyErr_Occurred()) return false;
    number = value < 0 ? 0 : static_cast<std::uint32_t>(value);
    return true;
}

// The engine drops a connection that sends a frame over kMaxPayload: a longer text is cut,
// at the start of a UTF-8 character.
std::string_view cutToFrame(std::string_view text) {
    constexpr std::size_t limit = wire::kMaxPayload - wire::Encoder::kEventFixed;
    if (text.size() <= limit) return text;
    std::size_t n = limit;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
        --n;
    return text.substr(0, n);
}

long long clampedLongLong(PyObject* o) {
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (overflow) return overflow > 0 ? LLONG_MAX : LLONG_MIN;
    return v;
}

// Appends one event at the program's line outside the calling frame; `text` (a str, or
// null for none) as UTF-8. False with a Python error set.
bool recordEvent(long op, long object, long long value, long phase, long extra, long long ts,
                 PyObject* text) {
    PyObject* utf8 = text ? PyUnicode_AsEncodedString(text, "utf-8", "replace") : nullptr;
    if (text && !utf8) return false;
    extra = extra < SHRT_MIN ? SHRT_MIN : extra > SHRT_MAX ? SHRT_MAX : extra;
    std::uint16_t file;
    std::uint32_t line, thread;
    if (!locate(PyEval_GetFrame(), file, line) || !threadNumber(thread)) {
        Py_XDECREF(utf8);
        return false;
    }

    wire::EventRecord e;
    e.ts = ts;
    e.value = value;
    e.extra = static_cast<std::int16_t>(extra);
    e.op = static_cast<trace::Op>(op);
    e.phase = static_cast<trace::Phase>(phase);
    e.object = static_cast<std::uint16_t>(object);
    e.thread = thread;
    e.file = file;
    e.line = line;
    if (utf8) e.text = cutToFrame({PyBytes_AS_STRING(utf8), std::size_t(PyBytes_GET_SIZE(utf8))});
    {
        python_recorder::OutboxLock outbox;
        wire::Encoder(outbox.frames()).event(e);
        outbox.wakeFlusher();
    }
    Py_XDECREF(utf8);
    if (state.wakeArmed) { // the flusher sleeps: this event wakes it, once
        state.wakeArmed = false;
        PyObject* r = PyObject_CallNoArgs(state.wake);
        if (!r) return false;
        Py_DECREF(r);
    }
    return true;
}

bool configured() {
    if (state.fileId) return true;
    PyErr_SetString(PyExc_RuntimeError, "_mpviz_recorder.configure() was not called");
    return false;
}

// record(op, object, value[, phase, extra[, ts[, text]]]): an event at the program's line
// outside the calling frame; Done, now and without a text unless told otherwise (ts None:
// now).
PyObject* record(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
    if (nargs != 3 && (nargs < 5 || nargs > 7)) {
        PyErr_SetString(PyExc_TypeError, "record(op, object, value[, phase, extra[, ts[, text]]])");
        return nullptr;
    }
    if (!configured()) return nullptr;
    long long ts = nowNs();
    const long op = PyLong_AsLong(args[0]);
    const long object = PyLong_AsLong(args[1]);
    const long long value = clampedLongLong(args[2]);
    const long phase = nargs > 3 ? PyLong_AsLong(args[3]) : static_cast<long>(trace::Phase::Done);
    const long extra = nargs > 4 ? PyLong_AsLong(args[4]) : 0;
    if (nargs > 5 && args[5] != Py_None) ts = PyLong_AsLongLong(args[5]);
    if (PyErr_Occurred()) return nullptr;
    PyObject* text = nargs > 6 && args[6] != Py_None ? args[6] : nullptr;
    if (!recordEvent(op, object, value, phase, extra, ts, text)) return nullptr;
    Py_RETURN_NONE;
}

// The item's short repr as mpviz_shim/recorder.py's item_text writes it; its common cases
// (a number, None, a short str) without calling back into Python.
PyObject* itemText(PyObject* item) {
    if (PyLong_CheckExact(item) || PyFloat_CheckExact(item) || PyBool_Check(item) ||
        item == Py_None ||
        (PyUnicode_CheckExact(item) && PyUnicode_GET_LENGTH(item) <= state.shown))
        return PyObject_Repr(item);
    return PyObject_CallOneArg(state.itemText, item);
}

} // namespace

bool mpviz::python_recorder::recordItem(trace::Op op, long object, long long value, PyObject* item,
                                        long long ts) {
    if (!configured()) return false;
    PyObject* text = itemText(item);
    if (!text) return false;
    const bool ok =
        PyUnicode_Check(text)
            ? recordEvent(static_cast<long>(op), object, value,
                          static_cast<long>(trace::Phase::Done), 0, ts, text)
            : (PyErr_SetString(PyExc_TypeError, "item_text() must return a str"), false);
    Py_DECREF(text);
    return ok;
}

namespace {

// record_item(op, object, value, item): Done, now, with the item's short repr as its text
// (a put or a get: what went through).
PyObject* recordItem(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "record_item(op, object, value, item)");
        return nullptr;
    }
    const long long ts = nowNs();
    const long op = PyLong_AsLong(args[0]);
    const long object = PyLong_AsLong(args[1]);
    const long long value = clampedLongLong(args[2]);
    if (PyErr_Occurred()) return nullptr;
    if (!python_recorder::recordItem(static_cast<trace::Op>(op), object, value, args[3], ts))
        return nullptr;
    Py_RETURN_NONE;
}

// arm_wake(): the flusher is about to sleep. False if something recorded is waiting to be
// taken (it must not); otherwise the next event calls wake().
PyObject* armWake(PyObject*, PyObject*) {
    state.wakeArmed = python_recorder::OutboxLock().frames().empty();
    return PyBool_FromLong(state.wakeArmed);
}

// take(): the frames recorded since the last take, as bytes; the buffer starts empty again.
PyObject* take(PyObject*, PyObject*) {
    python_recorder::OutboxLock outbox;
    std::vector<char>& frames = outbox.frames();
    PyObject* bytes =
        PyBytes_FromStringAndSize(frames.data(), static_cast<Py_ssize_t>(frames.size()));
    if (bytes) frames.clear();
    return bytes;
}

// configure(file_id, thread_number, wake, item_text, shown): the callbacks, and the calling
// thread is thread 0. Called again in a forked child: the parent's buffer and call sites
// are not its own.
PyObject* configure(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
    if (nargs != 5 || !PyCallable_Check(args[0]) || !PyCallable_Check(args[1]) ||
        !PyCallable_Check(args[2]) || !PyCallable_Check(args[3]) || !PyLong_Check(args[4])) {
        PyErr_SetString(PyExc_TypeError,
                        "configure(file_id, thread_number, wake, item_text, shown)");
        return nullptr;
    }
    const Py_ssize_t shown = PyLong_AsSsize_t(args[4]);
    if (shown == -1 && PyErr_Occurred()) return nullptr;
    PyObject** callbacks[] = {&state.fileId, &state.threadNumber, &state.wake, &state.itemText};
    for (int i = 0; i < 4; ++i) {
        Py_INCREF(args[i]);
        Py_XSETREF(*callbacks[i], args[i]);
    }
    state.shown = shown;
    state.mainThread = PyThread_get_thread_ident();
    python_recorder::OutboxLock().frames().clear();
    state.wakeArmed = false;
    forgetSites();
    Py_RETURN_NONE;
}

// stop_at(code): a frame of `code` and the frames below it are not the program's - a forked
// child's stack keeps its parent's below Process._bootstrap (the start() that forked it), and
// what the child does at exit is not on that line.
PyObject* stopAt(PyObject*, PyObject* code) {
    if (!PyCode_Check(code)) {
        PyErr_SetString(PyExc_TypeError, "stop_at(code): a code object");
        return nullptr;
    }
    Py_INCREF(code);
    Py_XSETREF(state.wall, code);
    Py_RETURN_NONE;
}

// A METH_FASTCALL function as the PyCFunction the method table holds.
PyCFunction fastcall(PyObject* (*function)(PyObject*, PyObject* const*, Py_ssize_t)) {
    return reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(function));
}

PyMethodDef methods[] = {
    {"stop_at", stopAt, METH_O, "stop_at(code): no line is looked for in its frames or below them"},
    {"record", fastcall(record), METH_FASTCALL,
     "record(op, object, value[, phase, extra[, ts[, text]]])"},
    {"record_item", fastcall(recordItem), METH_FASTCALL, "record_item(op, object, value, item)"},
    {"queue_put", fastcall(python_recorder::queuePut), METH_FASTCALL,
     "queue_put(queue, item, object, joinable) -> bool"},
    {"queue_take", fastcall(python_recorder::queueTake), METH_FASTCALL,
     "queue_take(queue, object) -> item"},
    {"queue_get", fastcall(python_recorder::queueGet), METH_FASTCALL,
     "queue_get(queue, object, missing) -> item or missing"},
    {"queue_methods", fastcall(python_recorder::queueMethods), METH_FASTCALL,
     "queue_methods(runtime, queue, put, joinable_queue, joinable_put, get)"},
    {"append", python_recorder::outboxAppend, METH_O, "append(frame)"},
    {"connect", python_recorder::outboxConnect, METH_O, "connect(fd)"},
    {"flush", python_recorder::outboxFlush, METH_NOARGS, "flush() -> bool"},
    {"stop", python_recorder::outboxStop, METH_NOARGS, "stop()"},
    {"take", take, METH_NOARGS, "take() -> bytes"},
    {"arm_wake", armWake, METH_NOARGS, "arm_wake() -> bool"},
    {"configure", fastcall(configure), METH_FASTCALL,
     "configure(file_id, thread_number, wake, item_text, shown)"},
    {nullptr, nullptr, 0, nullptr},
};

PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    "_mpviz_recorder",
    "mpviz's shim: events recorded in C",
    -1,
    methods,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
};

} // namespace

PyMODINIT_FUNC PyInit__mpviz_recorder() {
    return PyModule_Create(&module);
}
