# Pipe() and Connection.send/recv. Both ends share one pipe card named after the two
# variables; events say which end (0 or 1) in `extra`.
import fcntl
import select
import struct
import termios

from multiprocessing import connection, reduction

from . import naming
from . import runtime as rt
from .patching import item_text
from .wire_constants import KIND_PIPE, OP_RECV, OP_SEND

_PIPE_BUFFER = 65536
_SIOCOUTQ = termios.TIOCOUTQ


def _waiting(conn):
    """Bytes written to this end's pipe and not read yet (0 if the kernel will not say)."""
    fd = conn._handle
    try:
        request = _SIOCOUTQ if conn._mpviz[2] else termios.FIONREAD
        return struct.unpack('i', fcntl.ioctl(fd, request, b'\0\0\0\0'))[0]
    except (OSError, AttributeError, TypeError):
        return 0


def _patch_pipe():
    pipe = connection.Pipe

    def Pipe(duplex=True):
        if not rt.ACTIVE or rt.in_constructor():
            return pipe(duplex)
        name = naming.pipe_name()
        first, second = pipe(duplex)
        d = rt.Decl(name, KIND_PIPE, _PIPE_BUFFER)
        first._mpviz, second._mpviz = (d, 0, duplex), (d, 1, duplex)
        rt.lid(d)
        return first, second

    Pipe.__doc__ = pipe.__doc__
    connection.Pipe = Pipe


def _patch_connection():
    cls = connection._ConnectionBase
    send, recv = cls.send, cls.recv

    def send_(self, obj):
        m = getattr(self, '_mpviz', None)
        if m is None or not rt.ACTIVE:
            return send(self, obj)
        d, end = m[0], m[1]
        oid = rt.lid(d)
        rt.gate(OP_SEND, oid)
        waits = not select.select([], [self._handle], [], 0)[1]
        if waits:
            rt.urgent(OP_SEND, 1, oid, _waiting(self), '', end)  # Blocked; extra names the end
        began = rt.now()
        send(self, obj)
        # The receiver may have it before we return: a send that did not wait is dated
        # before the write.
        ts = rt.now() if waits else began
        rt.done_at(ts, OP_SEND, oid, _waiting(self), item_text(obj), end)

    def recv_(self):
        m = getattr(self, '_mpviz', None)
        if m is None or not rt.ACTIVE:
            return recv(self)
        d, end = m[0], m[1]
        oid = rt.lid(d)
        rt.gate(OP_RECV, oid)
        if not self.poll():
            rt.urgent(OP_RECV, 1, oid, 0, '', end)  # Blocked; extra names the end
        obj = recv(self)
        rt.done(OP_RECV, oid, _waiting(self), item_text(obj), end)
        return obj

    cls.send, cls.recv = send_, recv_


def _rebuild_named(rebuild, args, carried):
    conn = rebuild(*args)
    conn._mpviz = carried
    return conn


def _patch_pickling():
    """Under spawn and forkserver a Connection is pickled: its identity goes along."""
    reduce_connection = connection.reduce_connection

    def reduce_named(conn):
        rebuild, args = reduce_connection(conn)
        carried = getattr(conn, '_mpviz', None)
        if carried is None:
            return rebuild, args
        return _rebuild_named, (rebuild, args, carried)

    connection.reduce_connection = reduce_named
    reduction.register(connection.Connection, reduce_named)


def install():
    _patch_pipe()
    _patch_connection()
    _patch_pickling()
