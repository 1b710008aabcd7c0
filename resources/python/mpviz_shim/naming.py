# Shared objects are named as the program names them: `lock = Lock()` is "lock",
# `parent_conn, child_conn = Pipe()` gives the pipe's two ends, `a, b = Lock(), Lock()` one
# name each. Read from the source line of the first frame outside multiprocessing and this
# shim; `Lock-1` when there is no name.
import linecache
import re
import sys

import concurrent.futures
import multiprocessing.context
import os

from .runtime import _SKIP

# concurrent.futures builds on multiprocessing: its queues and locks are its own business.
_LIBRARIES = (os.path.dirname(concurrent.futures.__file__) + os.sep,)
_MULTIPROCESSING, _SHIM = _SKIP
_PUBLIC_FUNCTIONS = multiprocessing.context.__file__
_ASSIGN = re.compile(r'^\s*([A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*)\s*(?::[^=]+)?=(?!=)\s*'
                     r'([A-Za-z_][\w.]*\s*\(.*)')
_WITH = re.compile(r'^\s*(?:async\s+)?with\s+[A-Za-z_][\w.]*\s*\(.*\)\s+as\s+([A-Za-z_]\w*)')
_counters = {}
_used = set()


def _user_frame():
    f = sys._getframe(1)
    while f is not None and f.f_code.co_filename.startswith(_SKIP):
        f = f.f_back
    return f


class Internal(Exception):
    """Made by a library on top of multiprocessing: a part of it, not the program's card."""


def _made_by_multiprocessing():
    """multiprocessing's own code made it for itself outside a named constructor (a
    Manager's start-up pipe): the first frame that is neither the shim's, nor one of the
    public functions in context.py (mp.Lock(), mp.Pipe(), through which programs make
    theirs), nor a constructor of the class chain (Lock.__init__ calls SemLock.__init__) is
    multiprocessing's."""
    f = sys._getframe(2)
    while f is not None and (f.f_code.co_filename.startswith(_SHIM) or
                             f.f_code.co_filename == _PUBLIC_FUNCTIONS or
                             (f.f_code.co_name == '__init__' and
                              f.f_code.co_filename.startswith(_MULTIPROCESSING))):
        f = f.f_back
    return f is not None and f.f_code.co_filename.startswith(_MULTIPROCESSING)


def _targets():
    if _made_by_multiprocessing():
        raise Internal()
    f = _user_frame()
    if f is None:
        return []
    if f.f_code.co_filename.startswith(_LIBRARIES):
        raise Internal()
    line = linecache.getline(f.f_code.co_filename, f.f_lineno)
    m = _ASSIGN.match(line)
    if m:
        names = [t.strip().rsplit('.', 1)[-1] for t in m.group(1).split(',')]
        if len(names) > 1 and _top_level_items(m.group(2)) == len(names):
            return [names[_position_on_line(f) % len(names)]]  # a, b = Lock(), Lock()
        return names
    m = _WITH.match(line)
    return [m.group(1)] if m else []


def _top_level_items(expression):
    """How many comma-separated items the expression has outside brackets and strings."""
    depth, items, quote = 0, 1, None
    for c in expression:
        if quote:
            quote = None if c == quote else quote
        elif c in '\'"':
            quote = c
        elif c == '#':
            break
        elif c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
        elif c == ',' and depth == 0:
            items += 1
    return items


_last_call = {}  # frame id -> (line, instruction offset, how many made on that line so far)


def _position_on_line(frame):
    """Which of a line's constructor calls this is: 0 for the first one the line runs, 1 for
    the next... An instruction offset that did not grow means the line runs again."""
    line, offset, made = _last_call.get(id(frame), (None, -1, -1))
    made = made + 1 if line == frame.f_lineno and frame.f_lasti > offset else 0
    _last_call.clear()  # only the newest frame matters; no ids of dead frames are kept
    _last_call[id(frame)] = (frame.f_lineno, frame.f_lasti, made)
    return made


def _unique(name):
    if name not in _used:
        _used.add(name)
        return name
    n = 2
    while '%s-%d' % (name, n) in _used:
        n += 1
    name = '%s-%d' % (name, n)
    _used.add(name)
    return name


def _fallback(kind):
    _counters[kind] = _counters.get(kind, 0) + 1
    return '%s-%d' % (kind, _counters[kind])


def object_name(kind):
    """The name the program gave the object being made, or `Kind-N`; raises Internal for
    an object a library makes for itself."""
    t = _targets()
    return _unique(t[0] if len(t) == 1 else _fallback(kind))


def pipe_name():
    """A pipe is named after its two ends: 'parent_conn, child_conn'."""
    t = _targets()
    return _unique(', '.join(t) if len(t) == 2 else _fallback('Pipe'))
