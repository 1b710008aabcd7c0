# Small tools every patch module uses: naming an object at construction, carrying its
# identity through pickling, and (from the recorder) the short repr of an item.
from . import naming
from . import runtime as rt
from .recorder import item_text  # noqa: F401 (the patch modules' one import of it)


def named_init(cls, kind_of, capacity_of=None):
    """Wraps cls.__init__: outside another wrapped constructor the new object gets a Decl
    named from the program's source line; whatever it makes for itself stays silent."""
    original = cls.__init__

    def __init__(self, *args, **kwargs):
        decl = None
        if rt.ACTIVE and not rt.in_constructor():
            try:
                name = naming.object_name(type(self).__name__)
            except naming.Internal:
                with rt.constructing():
                    return original(self, *args, **kwargs)
            capacity = capacity_of(self, *args, **kwargs) if capacity_of else 0
            decl = rt.Decl(name, kind_of(self), capacity)
            self._mpviz = decl
        with rt.constructing():
            original(self, *args, **kwargs)
        if decl is not None:
            rt.lid(decl)  # the creator uses it: declared now, so a deadlock sees it

    __init__.__wrapped__ = original
    cls.__init__ = __init__


def decl_of(obj):
    return obj.__dict__.get('_mpviz')


class Carry:
    """Appended to a pickled state: the object's identity (and a container's, on a part)."""
    __slots__ = ('decl', 'owner')

    def __init__(self, decl, owner=None):
        self.decl, self.owner = decl, owner

    def __reduce__(self):
        return Carry, (self.decl, self.owner)


def carry_state(cls):
    """Extends cls's pickled state with its identity, after the original __getstate__ (so
    CPython still refuses to pickle it outside spawning)."""
    get, set_ = cls.__getstate__, cls.__setstate__

    def __getstate__(self):
        state = get(self)
        d, owner = self.__dict__.get('_mpviz'), self.__dict__.get('_mpviz_owner')
        if d is None and owner is None:
            return state
        return state + (Carry(d, owner),)

    def __setstate__(self, state):
        if state and isinstance(state[-1], Carry):
            carried, state = state[-1], state[:-1]
            if carried.decl is not None:
                self._mpviz = carried.decl
            if carried.owner is not None:
                self._mpviz_owner = carried.owner
        set_(self, state)

    cls.__getstate__, cls.__setstate__ = __getstate__, __setstate__
