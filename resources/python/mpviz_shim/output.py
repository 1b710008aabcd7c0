# What a process prints (each line of stdout and stderr is a print event) and how long it
# sleeps (scaled by the session's speed; in step mode the grant is the passing of time).
import builtins
import sys
import time

from . import runtime as rt
from .wire_constants import OP_PRINT, OP_SLEEP, PHASE_BEGIN, PHASE_DONE

_streams = []


class LineStream:
    """Writes through to the real stream and reports every completed line."""

    def __init__(self, stream, echo_when_recorded=True):
        self._mpviz_stream = stream
        self._mpviz_partial = ''
        self._mpviz_echo = echo_when_recorded
        _streams.append(self)

    def write(self, s):
        # stderr's lines reach the user as events once this process is a lane: written
        # through as well they would show twice. Before (a spawned child importing the
        # program, the shim failing) they go straight through.
        n = self._mpviz_stream.write(s) if self._mpviz_echo or not rt.LANE else len(s)
        if rt.ACTIVE and isinstance(s, str):
            if '\n' in s:
                lines = (self._mpviz_partial + s).split('\n')
                self._mpviz_partial = lines.pop()
                for line in lines:
                    rt.urgent(OP_PRINT, PHASE_DONE, text=line)
            else:
                self._mpviz_partial += s
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def _mpviz_flush_partial(self):
        if self._mpviz_partial:
            line, self._mpviz_partial = self._mpviz_partial, ''
            rt.urgent(OP_PRINT, PHASE_DONE, text=line)

    def __getattr__(self, name):
        return getattr(self._mpviz_stream, name)

    def __iter__(self):
        return iter(self._mpviz_stream)


def flush_partial_lines():
    for s in _streams:
        s._mpviz_flush_partial()


_print = builtins.print


def _gated_print(*args, **kwargs):
    f = kwargs.get('file')
    if f is None or f is sys.stdout or f is sys.stderr:
        rt.gate(OP_PRINT)
    return _print(*args, **kwargs)


_sleep = time.sleep


def _scaled_sleep(seconds):
    if rt.silent() or not rt.LANE:
        return _sleep(rt.scaled(seconds))
    ns = int(rt.scaled(seconds) * 1e9) if seconds > 0 else 0
    rt.gate(OP_SLEEP, value=ns)
    rt.emit(OP_SLEEP, PHASE_BEGIN, value=ns)
    if not rt.STEP:
        _sleep(ns / 1e9)
    rt.emit(OP_SLEEP, PHASE_DONE, value=ns)


def install():
    for name in ('stdout', 'stderr'):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, LineStream):
            setattr(sys, name, LineStream(stream, echo_when_recorded=name == 'stdout'))
    builtins.print = _gated_print
    _scaled_sleep.__name__ = _scaled_sleep.__qualname__ = 'sleep'
    _scaled_sleep.__doc__ = _sleep.__doc__
    time.sleep = _scaled_sleep
