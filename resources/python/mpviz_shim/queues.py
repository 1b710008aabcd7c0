# Queue and JoinableQueue: put/get (each tries without blocking first, so a wait is reported
# as Blocked), task_done/join, and the exit-time join of the feeder thread - the deadlock on
# join, reported as a blocked flush with the bytes the feeder has not written yet.
import queue as _queue_module
import select
import sys
import time
from multiprocessing import connection, queues
from multiprocessing.reduction import ForkingPickler

from . import runtime as rt
from .patching import carry_state, decl_of, named_init
from .wire_constants import (KIND_JOINABLE_QUEUE, KIND_QUEUE, NO_OBJECT, OP_FLUSH, OP_GET,
                             OP_PUT, OP_QUEUE_JOIN, OP_TASK_DONE)

Full, Empty = _queue_module.Full, _queue_module.Empty
_FEEDER_GRACE = 0.05  # s: a feeder that needs longer than this at exit is stuck or slow
_IN_FLIGHT = 0.05  # s: a get that waits longer than this for an item already put is blocked
_record_item = rt.record_item
_CONNECTION_FILE = connection.__file__


def _kind(q):
    return KIND_JOINABLE_QUEUE if isinstance(q, queues.JoinableQueue) else KIND_QUEUE


def _capacity(q, maxsize=0, **_):
    return maxsize if maxsize > 0 else 0  # unbounded (CPython: SEM_VALUE_MAX) shows as 0


def _length(q):
    return q._maxsize - q._sem._semlock._get_value()


def _wait_after_refusal(q, op, oid, wait, refused, block, seconds, timed):
    """The operation could not be done at once: failed (block=False), or blocked and
    wait(seconds) does it blocking (failed if it times out)."""
    if not block:
        rt.failed(op, oid, _length(q))
        raise refused
    rt.blocked(op, oid, _length(q), timed)
    try:
        return wait(seconds)
    except refused:
        rt.failed(op, oid, _length(q))
        raise


def _poller(q):
    """The queue's read end registered once (half the cost of a select() per get)."""
    try:
        return q._mpviz_poll
    except AttributeError:
        q._mpviz_poll = select.poll()
        q._mpviz_poll.register(q._reader.fileno(), select.POLLIN)
        return q._mpviz_poll


def _take(q, oid):
    """Reads the next message (the caller holds the read lock, and the message is there) and
    records the get before its slot is freed: a putter waiting for the slot puts at once, and
    its put must come after this get (recorded later, the queue would show maxsize + 1 items).
    Unpickled under the read lock, unlike CPython, so that getters record in the order they
    read. The C recorder's queue_take does the same steps."""
    item = ForkingPickler.loads(q._recv_bytes())
    _record_item(OP_GET, oid, _length(q) - 1, item)
    q._sem.release()
    return item


def _get_from_buffer(q, oid, missing):
    """A blocking get of an item still in this process's own buffer: its feeder thread, which
    lives as long as we do, will write it, so it is read at once - unless the queue is closed
    or another getter is reading (returns `missing`, having done nothing). The C recorder's
    queue_get does the same steps."""
    if not q._buffer or q._closed or not q._rlock.acquire(False):
        return missing
    try:
        return _take(q, oid)
    finally:
        q._rlock.release()


def _put_at_once(q, obj, oid, joinable):
    """Queue.put when a slot is free: False, having done nothing, if the queue is closed or
    full. Recorded before the item is handed to the feeder, so that its get comes after it.
    The C recorder's queue_put does the same steps."""
    if q._closed or not q._sem.acquire(False):
        return False
    _record_item(OP_PUT, oid, _length(q), obj)
    _hand_to_feeder(q, obj, joinable)
    return True


def _take_if_counted(q, oid, block, seconds):
    """Queue.get's own steps, reporting no wait while the queue counts an item: it has been
    put, and its putter's feeder thread is writing it (a hand-off that can take milliseconds
    on a loaded machine, and is not what a person means by waiting). Returns (True, item),
    or (False, seconds waited) when the get must wait: the queue is empty by its count,
    another getter is reading, or the counted item is later than _IN_FLIGHT.
    One poll() for the wait: multiprocessing's goes through selectors, which would double the
    cost of a reported get."""
    if q._closed:
        raise ValueError('Queue %r is closed' % q)
    if not q._rlock.acquire(False):
        return False, 0.0
    try:
        if not block:
            wait = 0.0
        elif _length(q) > 0:
            wait = _IN_FLIGHT if seconds is None else min(_IN_FLIGHT, max(seconds, 0.0))
        else:
            return False, 0.0
        # An item still in this process's own buffer is read at once (get_ does that before
        # it comes here, unless another thread took the item off the buffer meanwhile).
        if not (wait and q._buffer) and not _poller(q).poll(wait * 1000.0):
            return False, wait
        return True, _take_now(q, oid)
    finally:
        q._rlock.release()


def _get_waiting(q, oid, seconds):
    """Queue.get's blocking steps (seconds None: no timeout), recorded as _take does."""
    deadline = None if seconds is None else time.monotonic() + seconds
    if not q._rlock.acquire(True, seconds):
        raise Empty
    try:
        if deadline is not None and not q._poll(deadline - time.monotonic()):
            raise Empty
        return _take_now(q, oid)
    finally:
        q._rlock.release()


def _sem_or_full(q, seconds):
    if not q._sem.acquire(True, seconds):
        raise Full


def _hand_to_feeder(q, obj, joinable):
    """Queue.put's steps after its semaphore (JoinableQueue's also count the task)."""
    with q._notempty:
        if q._thread is None:
            q._start_thread()
        q._buffer.append(obj)
        if joinable:
            with q._cond:
                q._unfinished_tasks.release()
        q._notempty.notify()


# The steps a named queue's put and get do in their common case: the C recorder's when it is
# in use (no Python between the put's notify and the get's read), else the twins above.
if rt.native_recorder is not None:
    _put_now = rt.native_recorder.queue_put
    _get_now = rt.native_recorder.queue_get
    _take_now = rt.native_recorder.queue_take
else:
    _put_now, _get_now, _take_now = _put_at_once, _get_from_buffer, _take
_MISSING = object()


# The wrappers' common case (a named queue, run mode, done at once) is written out, and what
# they record goes in one call to the recorder (the item's text included): what they add to
# a put or a get is mostly the hand-off with the feeder thread, which every microsecond of
# Python between the put's notify and the get's read makes longer - a wake-up of the feeder
# that finds this thread still holding the GIL costs two more context switches.
def _wrap_put(cls):
    put = cls.put
    joinable = issubclass(cls, queues.JoinableQueue)

    # Queue.put's own steps after its semaphore, so that the put is recorded before its item
    # can be seen (its get comes after it) and nothing runs after the feeder is woken.
    def put_(self, obj, block=True, timeout=None):
        d = self.__dict__.get('_mpviz')
        if d is None or not rt.ACTIVE:
            return put(self, obj, block, rt.scaled(timeout))
        oid = d.lid if d.lid != NO_OBJECT else rt.lid(d)
        if rt.STEP:
            rt.gate(OP_PUT, oid)
        if _put_now(self, obj, oid, joinable):
            return
        if self._closed:
            raise ValueError('Queue %r is closed' % self)
        if not self._sem.acquire(False):
            _wait_after_refusal(self, OP_PUT, oid, lambda seconds: _sem_or_full(self, seconds),
                                Full, block, rt.scaled(timeout), timeout is not None)
        _record_item(OP_PUT, oid, _length(self), obj)
        _hand_to_feeder(self, obj, joinable)

    cls.put = put_


def _wrap_get(cls):
    get = cls.get

    def get_(self, block=True, timeout=None):
        d = self.__dict__.get('_mpviz')
        if d is None or not rt.ACTIVE:
            return get(self, block, rt.scaled(timeout))
        oid = d.lid if d.lid != NO_OBJECT else rt.lid(d)
        if rt.STEP:
            rt.gate(OP_GET, oid)
        # An item still in this process's own buffer will be written by its feeder thread,
        # which lives as long as we do: read at once (see _take_if_counted for the rest).
        if block and (timeout is None or timeout > 0):
            item = _get_now(self, oid, _MISSING)
            if item is not _MISSING:
                return item
        seconds = rt.scaled(timeout)
        taken, item = _take_if_counted(self, oid, block, seconds)
        if taken:
            return item
        left = None if seconds is None else seconds - item
        return _wait_after_refusal(self, OP_GET, oid, lambda left: _get_waiting(self, oid, left),
                                   Empty, block, left, timeout is not None)

    cls.get = get_


class _Feed:
    """What a named queue's feeder thread still has to write, read off the thread at exit so
    that nothing wraps its writes: the message it is sending (multiprocessing's _feed has
    pickled it into its `obj` and is inside a connection's send) and the items not yet
    pickled."""

    def __init__(self, decl, buffer):
        self.decl, self.buffer = decl, buffer

    @staticmethod
    def _in_flight(thread):
        frame = sys._current_frames().get(thread.ident)
        sending = False
        while frame is not None:
            code = frame.f_code
            if code.co_filename == _CONNECTION_FILE:
                sending = True
            elif code.co_name == '_feed' and code.co_filename == queues.__file__:
                message = frame.f_locals.get('obj') if sending else None
                return len(message) if isinstance(message, (bytes, memoryview)) else 0
            frame = frame.f_back
        return 0

    def unwritten(self, thread):
        total = self._in_flight(thread)
        for obj in list(self.buffer):
            if obj is not queues._sentinel:
                try:
                    total += len(ForkingPickler.dumps(obj))
                except Exception:
                    pass
        return total


def _wrap_feeder():
    cls = queues.Queue
    start_thread = cls._start_thread
    finalize_join = cls._finalize_join

    def _start_thread(self):
        start_thread(self)
        d = decl_of(self)
        if d is not None:
            self._thread._mpviz_feed = _Feed(d, self._buffer)

    def _finalize_join(twr):
        thread = twr()
        feed = getattr(thread, '_mpviz_feed', None)
        if feed is None or not rt.LANE:
            return finalize_join(twr)
        thread.join(_FEEDER_GRACE)
        if not thread.is_alive():
            return finalize_join(twr)
        oid = rt.lid(feed.decl)
        rt.blocked(OP_FLUSH, oid, feed.unwritten(thread))
        finalize_join(twr)
        rt.done(OP_FLUSH, oid)

    cls._start_thread = _start_thread
    cls._finalize_join = staticmethod(_finalize_join)


def _patch_joinable():
    cls = queues.JoinableQueue
    task_done, join = cls.task_done, cls.join

    def unfinished(q):
        return q._unfinished_tasks._semlock._get_value()

    def task_done_(self):
        d = decl_of(self)
        if d is None:
            return task_done(self)
        if not unfinished(self):
            return task_done(self)  # raises: called too many times
        oid = rt.lid(d)
        rt.gate(OP_TASK_DONE, oid)
        # Under the queue's own condition (an RLock: task_done takes it again), so that two
        # processes' task_done count down in the order they are recorded; recorded before
        # the original, as the last one wakes join() at once.
        with self._cond:
            left = unfinished(self)
            if left:
                rt.done(OP_TASK_DONE, oid, left - 1)
            task_done(self)

    def join_(self):
        d = decl_of(self)
        if d is None:
            return join(self)
        oid = rt.lid(d)
        rt.gate(OP_QUEUE_JOIN, oid)
        left = unfinished(self)
        if left:
            rt.blocked(OP_QUEUE_JOIN, oid, left)
        join(self)
        rt.done(OP_QUEUE_JOIN, oid, 0)

    cls.task_done, cls.join = task_done_, join_


def install():
    named_init(queues.Queue, _kind, _capacity)
    named_init(queues.JoinableQueue, _kind, _capacity)
    for cls in (queues.Queue, queues.JoinableQueue):
        _wrap_put(cls)
    _wrap_get(queues.Queue)
    if rt.native_recorder is not None:
        # put(item) and get() in C, the wrappers above for every other case.
        (queues.Queue.put, queues.JoinableQueue.put,
         queues.Queue.get) = rt.native_recorder.queue_methods(
             rt, queues.Queue, queues.Queue.put, queues.JoinableQueue, queues.JoinableQueue.put,
             queues.Queue.get)
    _wrap_feeder()
    _patch_joinable()
    carry_state(queues.Queue)
