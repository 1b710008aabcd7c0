# Value and Array with their lock (sharedctypes.Synchronized*): every read and every write is
# an event, so `counter.value += 1` shows as a read then a write and a lost update can be
# stepped. The lock they come with is a card of its own, "<name>.lock", for get_lock().
# Raw values (lock=False) are plain ctypes memory: not reported.
from multiprocessing import sharedctypes

from . import naming
from . import runtime as rt
from . import wire
from .wire_constants import KIND_ARRAY, KIND_LOCK, KIND_VALUE, OP_READ, OP_WRITE


def _typecode(typecode_or_type):
    return typecode_or_type if isinstance(typecode_or_type, str) else ''


def _name_lock(lock, decl):
    """The lock a Value made for itself: reported when the program takes it (get_lock())."""
    if hasattr(lock, '_semlock') and lock.__dict__.get('_mpviz') is None:
        lock._mpviz = rt.Decl(decl.name + '.lock', KIND_LOCK, 1)
        lock._mpviz_owner = decl
        lock._make_methods()


def _wrap_factory(name, kind):
    factory = getattr(sharedctypes, name)

    def make(typecode_or_type, *args, lock=True, ctx=None):
        if not rt.ACTIVE or rt.in_constructor():
            return factory(typecode_or_type, *args, lock=lock, ctx=ctx)
        obj_name = naming.object_name(name)
        with rt.constructing():
            obj = factory(typecode_or_type, *args, lock=lock, ctx=ctx)
        if not isinstance(obj, sharedctypes.SynchronizedBase):
            return obj
        capacity = len(obj) if kind == KIND_ARRAY else 0
        d = rt.Decl(obj_name, kind, capacity, _typecode(typecode_or_type))
        obj._mpviz = d
        _name_lock(obj._lock, d)
        oid = rt.lid(d)
        if kind == KIND_VALUE:
            value, text = wire.number(obj._obj.value)
            rt.done(OP_WRITE, oid, value, text)
        return obj

    make.__doc__ = factory.__doc__
    setattr(sharedctypes, name, make)


def _patch_synchronized():
    synchronized = sharedctypes.synchronized

    def synchronized_(obj, lock=None, ctx=None):
        wrapper = synchronized(obj, lock, ctx)
        owner = getattr(lock, '_mpviz_owner', None)  # came with the lock through pickling
        if owner is not None:
            wrapper._mpviz = owner
        return wrapper

    # Pickled by reference (SynchronizedBase.__reduce__): found under its own name.
    synchronized_.__module__, synchronized_.__qualname__ = sharedctypes.__name__, 'synchronized'
    synchronized_.__name__ = 'synchronized'
    sharedctypes.synchronized = synchronized_


def _locked(sync, action):
    # The value's own lock, taken without reporting: a read is one event, not three.
    semlock = getattr(sync._lock, '_semlock', None)
    if semlock is None:
        with sync._lock:
            return action()
    semlock.acquire()
    try:
        return action()
    finally:
        semlock.release()


def _patch_value():
    cls = sharedctypes.Synchronized
    prop = cls.value

    def get(self):
        d = self.__dict__.get('_mpviz')
        if d is None or not rt.ACTIVE:
            return prop.fget(self)
        oid = rt.lid(d)
        rt.gate(OP_READ, oid)
        v = _locked(self, lambda: self._obj.value)
        value, text = wire.number(v)
        rt.done(OP_READ, oid, value, text)
        return v

    def set_(self, v):
        d = self.__dict__.get('_mpviz')
        if d is None or not rt.ACTIVE:
            return prop.fset(self, v)
        oid = rt.lid(d)
        value, text = wire.number(v)
        rt.gate(OP_WRITE, oid, value)

        def write():
            self._obj.value = v
        _locked(self, write)
        rt.done(OP_WRITE, oid, value, text)

    cls.value = property(get, set_)


def _patch_array():
    cls = sharedctypes.SynchronizedArray
    getitem, setitem = cls.__getitem__, cls.__setitem__

    def getitem_(self, i):
        d = self.__dict__.get('_mpviz')
        if d is None or not rt.ACTIVE or not isinstance(i, int):
            return getitem(self, i)
        oid = rt.lid(d)
        rt.gate(OP_READ, oid)
        v = _locked(self, lambda: self._obj[i])
        value, text = wire.number(v)
        rt.done(OP_READ, oid, value, text, i)
        return v

    def setitem_(self, i, v):
        d = self.__dict__.get('_mpviz')
        if d is None or not rt.ACTIVE or not isinstance(i, int):
            return setitem(self, i, v)
        oid = rt.lid(d)
        value, text = wire.number(v)
        rt.gate(OP_WRITE, oid, value)

        def write():
            self._obj[i] = v
        _locked(self, write)
        rt.done(OP_WRITE, oid, value, text, i)

    cls.__getitem__, cls.__setitem__ = getitem_, setitem_


def install():
    _wrap_factory('Value', KIND_VALUE)
    _wrap_factory('Array', KIND_ARRAY)
    _patch_synchronized()
    _patch_value()
    _patch_array()
