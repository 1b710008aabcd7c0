# The wire protocol's frames, as core/wire/protocol.hpp lays them out (docs/wire-protocol.md).
# The only module that knows the byte layout: a protocol version change is a change here.
import struct

from .wire_constants import (FRAME_EVENT, FRAME_GRANT, FRAME_HELLO, FRAME_MODE,
                             FRAME_OBJECT, VERSION)

_HEADER = struct.Struct('<BI')
_EVENT = struct.Struct('<BIqqhBBHI')  # header, ts, value, extra, op, phase, object, text length
_EVENT_FIXED = _EVENT.size - _HEADER.size
_HELLO = struct.Struct('<HiiB')
_OBJECT = struct.Struct('<HBq')
_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1


def _text(s):
    b = s.encode('utf-8', 'replace')
    return struct.pack('<I', len(b)) + b


def _frame(kind, payload):
    return _HEADER.pack(kind, len(payload)) + payload


def hello(pid, ppid, daemon, name):
    return _frame(FRAME_HELLO, _HELLO.pack(VERSION, pid, ppid, 1 if daemon else 0) + _text(name))


def declare(local_id, kind, capacity, name, value_type=''):
    capacity = max(_INT64_MIN, min(_INT64_MAX, int(capacity)))
    return _frame(FRAME_OBJECT, _OBJECT.pack(local_id, kind, capacity) + _text(name))


def event(ts, op, phase, obj, value, text, extra, thread, file, line):
    """One event frame. `thread`, `file` and `line` travel from protocol version 2 on."""
    b = text.encode('utf-8', 'replace') if text else b''
    if not -32768 <= extra <= 32767:
        extra = -32768 if extra < 0 else 32767
    if not _INT64_MIN <= value <= _INT64_MAX:
        value = _INT64_MIN if value < 0 else _INT64_MAX
    return _EVENT.pack(FRAME_EVENT, _EVENT_FIXED + len(b), ts, value, extra, op, phase, obj,
                       len(b)) + b


def events(items, thread_number):
    """Encodes what the buffer held: event tuples (ts, op, phase, object, value, text, extra,
    thread ident) and frames already encoded (bytes). The flusher's loop: kept lean."""
    out = []
    add = out.append
    pack = _EVENT.pack
    fixed = _EVENT_FIXED
    for item in items:
        if item.__class__ is bytes:
            add(item)
            continue
        ts, op, phase, obj, value, text, extra, ident = item
        try:
            if text:
                b = text.encode('utf-8', 'replace')
                add(pack(FRAME_EVENT, fixed + len(b), ts, value, extra, op, phase, obj, len(b)) + b)
            else:
                add(pack(FRAME_EVENT, fixed, ts, value, extra, op, phase, obj, 0))
        except struct.error:  # a value or extra out of range: clamped
            add(event(ts, op, phase, obj, value, text, extra, thread_number(ident), 0, 0))
    return b''.join(out)


def source(file_id, path):
    """Version 2 declares source files; version 1 has no such frame."""
    return b''


class Reader:
    """Engine -> process frames: calls on_mode(step) and on_grant(thread)."""

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


def number(x):
    """A shared number as an event carries it: (value, text). Version 1 has integers only."""
    if isinstance(x, float):
        return int(x), repr(x)
    if isinstance(x, bytes):
        return (x[0] if x else 0), repr(x)
    try:
        return int(x), ''
    except (TypeError, ValueError):
        return 0, repr(x)
