# The wire protocol's frames, as core/wire/protocol.hpp lays them out (docs/wire-protocol.md).
# The only module that knows the byte layout. VERSION and the frame kinds come from
# wire_constants.py, generated from the C++ headers.
import struct

from .wire_constants import (FRAME_EVENT, FRAME_GRANT, FRAME_HELLO, FRAME_MODE,
                             FRAME_OBJECT, FRAME_SOURCE, MAX_PAYLOAD, RUNTIME_PYTHON, VERSION)

_HEADER = struct.Struct('<BI')
# header, ts, value, extra, op, phase, object, thread, file, line, text length
_EVENT = struct.Struct('<BIqqhBBHIHII')
_HELLO = struct.Struct('<HiiBB')
_OBJECT = struct.Struct('<HBqB')
EVENT_FIXED = _EVENT.size - _HEADER.size
# The engine drops a connection that sends a larger frame: a longer text is cut.
MAX_TEXT = MAX_PAYLOAD - EVENT_FIXED
# An event without a text, as runtime's recorders lay out its fields flat for events() to pack:
# (PLAIN_HEAD, ts, value, extra, op, phase, object, thread, file, line). The header is one
# constant bytes field and the zero text length is padding: fewer fields, less to convert.
PLAIN_HEAD = _HEADER.pack(FRAME_EVENT, EVENT_FIXED)
_PLAIN_FORMAT = '%dsqqhBBHIHI4x' % len(PLAIN_HEAD)
PLAIN_FIELDS = 10
_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1
_DOUBLE, _INT64 = struct.Struct('<d'), struct.Struct('<q')


def _text(s):
    b = s.encode('utf-8', 'replace')
    return struct.pack('<I', len(b)) + b


def _frame(kind, payload):
    return _HEADER.pack(kind, len(payload)) + payload


def hello(pid, ppid, daemon, name):
    return _frame(FRAME_HELLO,
                  _HELLO.pack(VERSION, pid, ppid, 1 if daemon else 0, RUNTIME_PYTHON) + _text(name))


def declare(local_id, kind, capacity, name, value_type=''):
    capacity = max(_INT64_MIN, min(_INT64_MAX, int(capacity)))
    # A typecode is one printable ASCII character (trace::isValueTypeCode); anything else: none.
    typecode = ord(value_type[0]) if value_type and 33 <= ord(value_type[0]) < 127 else 0
    return _frame(FRAME_OBJECT, _OBJECT.pack(local_id, kind, capacity, typecode) + _text(name))


def source(file_id, path):
    """Declares a source file before the first event that names it."""
    return _frame(FRAME_SOURCE, struct.pack('<H', file_id) + _text(path))


def event(ts, op, phase, obj, value, text, extra, thread, file, line):
    """One event frame with a text, encoded now; out-of-range numbers are clamped, a text
    too long for a frame is cut."""
    b = text.encode('utf-8', 'replace') if text else b''
    if len(b) > MAX_TEXT:
        b = b[:MAX_TEXT].decode('utf-8', 'ignore').encode('utf-8')
    fields = (FRAME_EVENT, EVENT_FIXED + len(b), ts, value, extra, op, phase, obj, thread, file,
              line, len(b))
    try:
        return _EVENT.pack(*fields) + b
    except struct.error:  # a value or an extra out of range
        return _clamped(fields) + b


_BATCH = 256
_batches = {}  # events in one struct.pack call -> its Struct


def _batch(n):
    s = _batches.get(n)
    if s is None:
        s = _batches[n] = struct.Struct('<' + _PLAIN_FORMAT * n)
    return s


def _clamped(f):
    """An event frame whose value and extra are brought into their fields' ranges."""
    f = list(f)
    f[3] = max(_INT64_MIN, min(_INT64_MAX, f[3]))  # value
    f[4] = max(-32768, min(32767, f[4]))  # extra
    return _EVENT.pack(*f)


def _clamped_plain(f):
    return _clamped((FRAME_EVENT, EVENT_FIXED) + tuple(f[1:]) + (0,))


def events(flat):
    """Frames for a flat list of events' fields (PLAIN_FIELDS per event), packed a batch at
    a time: one C call per batch instead of one per event."""
    out = []
    step = _BATCH * PLAIN_FIELDS
    for at in range(0, len(flat), step):
        part = flat[at:at + step]
        try:
            out.append(_batch(len(part) // PLAIN_FIELDS).pack(*part))
        except struct.error:  # a value or an extra out of range
            out.extend(_clamped_plain(part[i:i + PLAIN_FIELDS])
                       for i in range(0, len(part), PLAIN_FIELDS))
    return b''.join(out)


def number(x):
    """A shared number as an event carries it: (value, text); a float as its IEEE-754 bits
    and its repr."""
    if isinstance(x, float):
        return _INT64.unpack(_DOUBLE.pack(x))[0], repr(x)
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
