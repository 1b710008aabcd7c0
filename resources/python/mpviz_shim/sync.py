# Lock, RLock, Semaphore, BoundedSemaphore (all a SemLock) and Event.
# SemLock._make_methods binds acquire/release to the C object per instance (from __init__
# and, in a spawned child, __setstate__): a named one gets reporting methods there, an
# internal one keeps the bare C methods and costs nothing.
from multiprocessing import synchronize

from . import runtime as rt
from .patching import carry_state, decl_of, named_init
from .wire_constants import (KIND_EVENT, KIND_LOCK, KIND_SEMAPHORE, OP_ACQUIRE, OP_CLEAR,
                             OP_RELEASE, OP_SET, OP_WAIT)

_emit = rt.emit
_record_done = rt.record_done
_RECURSIVE = synchronize.RECURSIVE_MUTEX
_NO_OBJECT = rt.NO_OBJECT


def _kind(lock):
    return KIND_SEMAPHORE if isinstance(lock, synchronize.Semaphore) else KIND_LOCK


def _capacity(lock, kind, value, maxvalue, **_):
    return value


def _reporting_methods(semlock, d):
    c_acquire, c_release, value = semlock.acquire, semlock.release, semlock._get_value
    is_semaphore = d.kind == KIND_SEMAPHORE
    recursive = semlock.kind == _RECURSIVE
    maxvalue = semlock.maxvalue
    lid = rt.lid

    def acquire(block=True, timeout=None):
        oid = d.lid
        if oid == _NO_OBJECT:
            oid = lid(d)
        if rt.STEP:
            rt.gate(OP_ACQUIRE, oid)
        if c_acquire(False):
            if rt.ACTIVE:  # the common case: one call records it
                _record_done(OP_ACQUIRE, oid, value() if is_semaphore else 0)
            return True
        if not block:
            rt.failed(OP_ACQUIRE, oid, value())
            return False
        rt.blocked(OP_ACQUIRE, oid, 0, timeout is not None)
        if c_acquire(True, rt.scaled(timeout)):
            _emit(OP_ACQUIRE, 2, oid, value() if is_semaphore else 0)
            return True
        rt.failed(OP_ACQUIRE, oid, value())
        return False

    def release():
        # Refused releases raise from C without an event.
        if (recursive and not semlock._is_mine()) or (not recursive and value() >= maxvalue):
            return c_release()
        oid = d.lid
        if oid == _NO_OBJECT:
            oid = lid(d)
        if rt.STEP:
            rt.gate(OP_RELEASE, oid)
        # Recorded before the release: the next holder's acquire must come after it.
        if rt.ACTIVE:
            _record_done(OP_RELEASE, oid, value() + 1 if is_semaphore else 1)
        c_release()

    return acquire, release


def _patch_semlock():
    cls = synchronize.SemLock
    named_init(cls, _kind, _capacity)
    make_methods = cls._make_methods

    def _make_methods(self):
        make_methods(self)
        d = decl_of(self)
        if d is not None:
            self.acquire, self.release = _reporting_methods(self._semlock, d)

    cls._make_methods = _make_methods
    # `with lock:` must go through the reporting methods too.
    cls.__enter__ = lambda self: self.acquire()
    cls.__exit__ = lambda self, *exc: self.release()
    carry_state(cls)


def _patch_event():
    cls = synchronize.Event
    named_init(cls, lambda e: KIND_EVENT, lambda e, **_: 1)
    set_, clear_, wait = cls.set, cls.clear, cls.wait

    def is_set_now(e):
        return e._flag._semlock._get_value() > 0

    def flag_change(original, op, value, recorded_first):
        def change(self):
            d = decl_of(self)
            if d is None:
                return original(self)
            oid = rt.lid(d)
            rt.gate(op, oid)
            if recorded_first:  # a set: before the waiters can wake and report
                _emit(op, 2, oid, value)
            original(self)
            if not recorded_first:
                _emit(op, 2, oid, value)
        return change

    def wait_(self, timeout=None):
        d = decl_of(self)
        if d is None:
            return wait(self, rt.scaled(timeout))
        oid = rt.lid(d)
        rt.gate(OP_WAIT, oid)
        if not is_set_now(self):
            rt.blocked(OP_WAIT, oid, 0, timeout is not None)
        result = wait(self, rt.scaled(timeout))
        _emit(OP_WAIT, 2, oid, 1 if result else 0)
        return result

    cls.set = flag_change(set_, OP_SET, 1, True)
    cls.clear = flag_change(clear_, OP_CLEAR, 0, False)
    cls.wait = wait_


def _patch_condition():
    # A Condition is not a card; the RLock it makes for itself is its own business.
    original = synchronize.Condition.__init__

    def __init__(self, *args, **kwargs):
        with rt.constructing():
            original(self, *args, **kwargs)

    synchronize.Condition.__init__ = __init__


def install():
    _patch_semlock()
    _patch_event()
    _patch_condition()
