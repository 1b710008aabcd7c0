# The wire protocol's frames, as core/wire/protocol.hpp lays them out (docs/wire-protocol.md).
# The only module that knows the byte layout. VERSION comes from wire_constants.py (generated
# from the C++ headers): version 2 adds the thread, source file and line of every event, the
# runtime in the hello, a Value's type in its declaration, and Source frames.
import struct

from .wire_constants import (FRAME_EVENT, FRAME_GRANT, FRAME_HELLO, FRAME_MODE,
                             FRAME_OBJECT, VERSION)

try:
    from .wire_constants import FRAME_SOURCE, RUNTIME_PYTHON
except ImportError:  # version 1 has neither
    FRAME_SOURCE, RUNTIME_PYTHON = 6, 1

V2 = VERSION >= 2
_HEADER = struct.Struct('<BI')
if V2:
    # header, ts, value, extra, op, phase, object, thread, file, line, text length
    _EVENT = struct.Struct('<BIqqhBBHIHII')
    _HELLO = struct.Struct('<HiiBB')
    _OBJECT = struct.Struct('<HBqB')
else:
    _EVENT = struct.Struct('<BIqqhBBHI')  # header, ts, value, extra, op, phase, object, text len
    _HELLO = struct.Struct('<HiiB')
    _OBJECT = struct.Struct('<HBq')
_EVENT_FIXED = _EVENT.size - _HEADER.size
_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1
_DOUBLE, _INT64 = struct.Struct('<d'), struct.Struct('<q')


def _text(s):
    b = s.encode('utf-8', 'replace')
    return struct.pack('<I', len(b)) + b


def _frame(kind, payload):
    return _HEADER.pack(kind, len(payload)) + payload


def hello(pid, ppid, daemon, name):
    fields = (VERSION, pid, ppid, 1 if daemon else 0) + ((RUNTIME_PYTHON,) if V2 else ())
    return _frame(FRAME_HELLO, _HELLO.pack(*fields) + _text(name))


def declare(local_id, kind, capacity, name, value_type=''):
    capacity = max(_INT64_MIN, min(_INT64_MAX, int(capacity)))
    typecode = (ord(value_type[0]) if value_type and ord(value_type[0]) < 128 else 0,)
    fields = (local_id, kind, capacity) + (typecode if V2 else ())
    return _frame(FRAME_OBJECT, _OBJECT.pack(*fields) + _text(name))


def source(file_id, path):
    """Declares a source file before the first event that names it (version 2)."""
    if not V2:
        return b''
    return _frame(FRAME_SOURCE, struct.pack('<H', file_id) + _text(path))


def event(ts, op, phase, obj, value, text, extra, thread, where):
    """One event frame, encoded now (events with a text); out-of-range numbers are clamped."""
    b = text.encode('utf-8', 'replace') if text else b''
    if not -32768 <= extra <= 32767:
        extra = -32768 if extra < 0 else 32767
    if not _INT64_MIN <= value <= _INT64_MAX:
        value = _INT64_MIN if value < 0 else _INT64_MAX
    if V2:
        file, line = where if where else (0, 0)
        return _EVENT.pack(FRAME_EVENT, _EVENT_FIXED + len(b), ts, value, extra, op, phase, obj,
                           thread, file, line, len(b)) + b
    return _EVENT.pack(FRAME_EVENT, _EVENT_FIXED + len(b), ts, value, extra, op, phase, obj,
                       len(b)) + b


def recorder(append, thread, where):
    """record(ts, op, phase, object, value, extra): appends an event without text as the
    tuple of its frame's fields, so that the flusher packs it in one C call. `thread()` and
    `where()` say who and where (version 2)."""
    if V2:
        def record(ts, op, phase, obj, value, extra):
            file, line = where() or (0, 0)
            append((FRAME_EVENT, _EVENT_FIXED, ts, value, extra, op, phase, obj, thread(), file,
                    line, 0))
    else:
        def record(ts, op, phase, obj, value, extra):
            append((FRAME_EVENT, _EVENT_FIXED, ts, value, extra, op, phase, obj, 0))
    return record


def _clamped(fields):
    fields = list(fields)
    fields[3] = max(_INT64_MIN, min(_INT64_MAX, fields[3]))  # value
    fields[4] = max(-32768, min(32767, fields[4]))  # extra
    return _EVENT.pack(*fields)


def events(items):
    """The flusher's encoding of what the buffer held: recorded tuples, and frames already
    encoded (bytes)."""
    pack = _EVENT.pack
    try:
        return b''.join([pack(*i) if i.__class__ is tuple else i for i in items])
    except struct.error:  # a value or extra out of range
        return b''.join([_clamped(i) if i.__class__ is tuple else i for i in items])


def number(x):
    """A shared number as an event carries it: (value, text). Version 2 carries a float's
    IEEE-754 bits and its repr; version 1 has integers only."""
    if isinstance(x, float):
        return (_INT64.unpack(_DOUBLE.pack(x))[0] if V2 else int(x)), repr(x)
    if isinstance(x, bytes):
        return (x[0] if x else 0), repr(x)
    try:
        return int(x), ''
    except (TypeError, ValueError, OverflowError):
        return 0, repr(x)


class Reader:
    """Engine -> process frames: calls on_mode(step) and on_grant(thread or None)."""

    def __init__(self, on_mode, on_grant):
        self._pending = b''
        self._on_mode = on_mode
        self._on_grant = on_grant

    def feed(self, data):
        self._pending += data
        while len(self._pending) >= _HEADER.size:
            kind, size = _HEADER.unpack_from(self._pending)
            if len(self._pending) < _HEADER.size + size:
                return
            payload = self._pending[_HEADER.size:_HEADER.size + size]
            self._pending = self._pending[_HEADER.size + size:]
            if kind == FRAME_MODE and payload:
                self._on_mode(payload[0] != 0)
            elif kind == FRAME_GRANT:
                self._on_grant(struct.unpack_from('<I', payload)[0] if len(payload) >= 4 else None)
