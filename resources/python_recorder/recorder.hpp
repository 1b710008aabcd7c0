// What the C recorder's files share (one Python module, _mpviz_recorder).
#pragma once
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "trace/event.hpp"

#include <vector>

namespace mpviz::python_recorder {

// An event at the program's line outside the calling frame, Done at `ts`, with the item's
// short repr as its text (what a put or a get moved). False with a Python error set.
bool recordItem(trace::Op op, long object, long long value, PyObject* item, long long ts);
long long nowNs();

// The frames recorded and not sent yet (outbox.cpp), held while this lives.
class OutboxLock {
  public:
    OutboxLock();
    ~OutboxLock();
    OutboxLock(const OutboxLock&) = delete;
    OutboxLock& operator=(const OutboxLock&) = delete;
    std::vector<char>& frames();
    void wakeFlusher(); // something was added: the flusher sleeps no longer
};

// The outbox's module functions: append(frame), connect(fd), flush(), stop().
PyObject* outboxAppend(PyObject*, PyObject* frame);
PyObject* outboxConnect(PyObject*, PyObject* fd);
PyObject* outboxFlush(PyObject*, PyObject*);
PyObject* outboxStop(PyObject*, PyObject*);

// The queue steps (queue_steps.cpp), module functions.
PyObject* queuePut(PyObject*, PyObject* const* args, Py_ssize_t nargs);
PyObject* queueTake(PyObject*, PyObject* const* args, Py_ssize_t nargs);
PyObject* queueGet(PyObject*, PyObject* const* args, Py_ssize_t nargs);
PyObject* queueMethods(PyObject*, PyObject* const* args, Py_ssize_t nargs);

} // namespace mpviz::python_recorder
