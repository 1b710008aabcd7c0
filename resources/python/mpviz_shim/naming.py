# Shared objects are named as the program names them: `lock = Lock()` is "lock",
# `parent_conn, child_conn = Pipe()` gives the pipe's two ends. Read from the source line of
# the first frame outside multiprocessing and this shim; `Lock-1` when there is no name.
import linecache
import os
import re
import sys

import multiprocessing

_SKIP = (os.path.dirname(multiprocessing.__file__) + os.sep, os.path.dirname(__file__) + os.sep)
_ASSIGN = re.compile(r'^\s*([A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*)\s*(?::[^=]+)?=(?!=)\s*'
                     r'[A-Za-z_][\w.]*\s*\(')
_WITH = re.compile(r'^\s*(?:async\s+)?with\s+[A-Za-z_][\w.]*\s*\(.*\)\s+as\s+([A-Za-z_]\w*)')
_counters = {}
_used = set()


def _user_frame():
    f = sys._getframe(1)
    while f is not None and f.f_code.co_filename.startswith(_SKIP):
        f = f.f_back
    return f


def _targets():
    f = _user_frame()
    if f is None:
        return []
    line = linecache.getline(f.f_code.co_filename, f.f_lineno)
    m = _ASSIGN.match(line)
    if m:
        return [t.strip().rsplit('.', 1)[-1] for t in m.group(1).split(',')]
    m = _WITH.match(line)
    return [m.group(1)] if m else []


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
    """The name the program gave the object being made, or `Kind-N`."""
    t = _targets()
    return _unique(t[0] if len(t) == 1 else _fallback(kind))


def pipe_name():
    """A pipe is named after its two ends: 'parent_conn, child_conn'."""
    t = _targets()
    return _unique(', '.join(t) if len(t) == 2 else _fallback('Pipe'))
