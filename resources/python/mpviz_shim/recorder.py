# How an event without a text gets from an operation's wrapper into wire frames, in pure
# Python: the same calls as the C recorder (resources/python_recorder/recorder.cpp), which
# runtime.py uses instead where it was built for this interpreter.
#   configure(file_id, thread_number, wake, item_text, shown)   the calling thread is thread
#                                       0; forget everything (shown: see the C recorder)
#   record(op, object, value[, phase, extra[, ts[, text]]])   Done, now (ts None) and
#                                       without a text unless told otherwise
#   record_item(op, object, value, item)   Done, now, the text item_text(item)
#   stop_at(code)                       no line is looked for in its frame or below it
#   take() -> bytes                     the frames recorded since the last take
#   arm_wake() -> bool                  False if something recorded is not taken yet; else
#                                       the next event calls wake() (the flusher sleeps)
# The event is placed at the program's line: the first frame, outward from record's caller,
# whose file file_id() does not map to 0 (multiprocessing's and the shim's own map to 0).
import reprlib
import sys
import threading
import time

from . import wire
from .wire_constants import PHASE_DONE

_getframe = sys._getframe
_get_ident = threading.get_ident
_mono = time.monotonic_ns
_PLAIN_HEAD = wire.PLAIN_HEAD

# The fields of the events recorded and not taken yet, flat (wire.events packs them): every
# record extends the list by one whole event (atomic under the GIL); take() removes only
# from the front. One list for the life of the process, so record may hold on to it.
_flat = []
_extend = _flat.extend
_encoded = []  # frames of events with a text, and the events recorded before them, packed
_lock = threading.Lock()  # held by whoever moves events from _flat to _encoded
_file_id = _thread_number = _wake = _item_text = None
_armed = False  # the flusher sleeps: the next event wakes it
_main_ident = _get_ident()
# A frame's f_lineno decodes the code's line table from its start (hundreds of ns in a long
# function), so a program's call sites are remembered: id(code) + (instruction offset << 48)
# -> (file id, line). _codes keeps each of those codes alive, so that no id is reused.
_sites = {}
_codes = {}
_skipped = {}  # id(code) -> code, for codes in multiprocessing's and the shim's files
_wall = None  # see stop_at


_repr = reprlib.Repr()
_repr.maxstring = 42
_repr.maxother = 60
SHOWN = 40  # a str this long or shorter is shown whole


def item_text(obj):
    """A short Python repr, an item's text in an event: a 1 MB item must not travel in every
    event. The C recorder writes the common cases itself (a number, None, a str of up to
    SHOWN characters: their repr) and calls this for the rest."""
    cls = obj.__class__
    if cls is int or cls is float or cls is bool or obj is None:
        return repr(obj)
    if cls is str:
        if len(obj) <= SHOWN:
            return repr(obj)
        return "%s…' (%d bytes)" % (repr(obj[:SHOWN])[:-1], len(obj.encode('utf-8', 'replace')))
    try:
        return _repr.repr(obj)
    except Exception:
        return '<%s>' % type(obj).__name__


def configure(file_id, thread_number, wake, item_text, shown):
    global _file_id, _thread_number, _wake, _item_text, _main_ident, _lock, _armed
    _file_id, _thread_number, _wake, _item_text = file_id, thread_number, wake, item_text
    _armed = False
    _main_ident = _get_ident()
    _flat.clear()
    _encoded.clear()
    _lock = threading.Lock()  # a fork may have copied it held
    _sites.clear()
    _codes.clear()
    _skipped.clear()


def stop_at(code):
    """A frame of `code` and the frames below it are not the program's: a forked child's
    stack keeps its parent's below Process._bootstrap (the start() that forked it)."""
    global _wall
    _wall = code


def where(f):
    """(file, line) of the program's frame at or outside frame f; (0, 0) if none is."""
    while f is not None:
        code = f.f_code
        if code is _wall:
            break
        key = id(code) + (f.f_lasti << 48)
        site = _sites.get(key)
        if site is not None:
            return site
        if id(code) not in _skipped:
            n = _file_id(code.co_filename)
            if n:
                _codes[id(code)] = code
                site = _sites[key] = (n, f.f_lineno)
                return site
            _skipped[id(code)] = code
        f = f.f_back
    return 0, 0


def record(op, obj, value, phase=PHASE_DONE, extra=0, ts=None, text=None):
    _record(_getframe(1), op, obj, value, phase, extra, ts, text)


def record_item(op, obj, value, item):
    ts = _mono()
    _record(_getframe(1), op, obj, value, PHASE_DONE, 0, ts, _item_text(item))


def _record(f, op, obj, value, phase, extra, ts, text):
    global _armed
    site = _sites.get(id(f.f_code) + (f.f_lasti << 48))
    file, line = site if site is not None else where(f)
    ident = _get_ident()
    thread = 0 if ident == _main_ident else _thread_number(ident)
    if ts is None:
        ts = _mono()
    if text is None:
        _extend((_PLAIN_HEAD, ts, value, extra, op, phase, obj, thread, file, line))
    else:
        frame = wire.event(ts, op, phase, obj, value, text, extra, thread, file, line)
        with _lock:
            _pack_flat()
            _encoded.append(frame)
    if _armed:
        _armed = False
        _wake()


def _pack_flat():
    n = len(_flat)
    if n:
        _encoded.append(wire.events(_flat[:n]))
        del _flat[:n]  # other threads only ever add at the end


def take():
    with _lock:
        _pack_flat()
        data = b''.join(_encoded)
        _encoded.clear()
    return data


def arm_wake():
    global _armed
    _armed = not (_flat or _encoded)
    return _armed
