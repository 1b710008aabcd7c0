# Process start/join/_bootstrap and the signals a parent sends (terminate/kill on the Popen,
# because util._exit_function terminates daemonic children through it directly).
import os
import sys
import threading

from multiprocessing import pool, popen_fork, popen_forkserver, process

from . import runtime as rt
from .wire_constants import NO_OBJECT, OP_JOIN, OP_START, OP_TERMINATE

_STARTED_WHILE_IMPORTED = (
    "mpviz: this program starts a process while a new process is importing it. Under the "
    "'spawn' and 'forkserver' start methods every new process imports the program again "
    "before it runs its target, so code at the top level runs once more in each child. Put "
    "the code that starts processes under  if __name__ == '__main__':  and run it again.\n")
_names = {}  # child pid -> its name, for the Terminate event
_joining = threading.local()  # .active: inside a reported join


def _works_for(proc):
    """The object whose work a process does: a Pool's worker is the pool's (its task queue's
    lock carries the pool). Its start event names it, so the pool card knows its workers."""
    if getattr(proc, '_target', None) is not pool.worker or not proc._args:
        return NO_OBJECT
    owner = getattr(getattr(proc._args[0], '_rlock', None), '_mpviz_owner', None)
    return NO_OBJECT if owner is None else rt.lid(owner)


def _reports():
    return rt.LANE and not rt.silent()


def _patch_process():
    cls = process.BaseProcess
    start, join, bootstrap = cls.start, cls.join, cls._bootstrap

    def start_(self):
        if not _reports():
            try:
                return start(self)
            except RuntimeError:
                if getattr(process.current_process(), '_inheriting', False):
                    sys.stderr.write(_STARTED_WHILE_IMPORTED)
                raise
        rt.gate(OP_START)
        rt.flush()  # our start goes out before the child's first event
        start(self)
        _names[self.pid] = self.name
        rt.urgent(OP_START, 2, _works_for(self), value=self.pid, text=self.name)

    def join_(self, timeout=None):
        popen = self._popen
        if not _reports() or popen is None or self._parent_pid != os.getpid():
            return join(self, rt.scaled(timeout))
        rt.gate(OP_JOIN, value=popen.pid)
        _joining.active = True
        try:
            _report_join(self, popen, timeout)
        finally:
            _joining.active = False

    def _report_join(self, popen, timeout):
        if popen.poll() is None:
            rt.blocked(OP_JOIN, value=popen.pid, timed=timeout is not None, text=self.name)
            join(self, rt.scaled(timeout))
            if popen.returncode is None:
                rt.failed(OP_JOIN, value=popen.pid, text=self.name)
                return
        else:
            join(self)
        rt.done(OP_JOIN, value=popen.pid, text=self.name, extra=popen.returncode)

    def _bootstrap(self, parent_sentinel=None):
        # The logical parent: under forkserver the OS parent is the server.
        rt.hello(self.name, bool(self.daemon), self._parent_pid)
        code = bootstrap(self, parent_sentinel)
        rt.finish(code)
        return code

    cls.start, cls.join, cls._bootstrap = start_, join_, _bootstrap
    rt.stop_frames_at(_bootstrap.__code__)


def _patch_popen():
    cls = popen_fork.Popen
    terminate, kill, launch = cls.terminate, cls.kill, cls._launch

    def signalling(original):
        def send(self):
            if self.returncode is None and _reports() and self.poll() is None:
                rt.gate(OP_TERMINATE, value=self.pid)
                rt.urgent(OP_TERMINATE, 2, value=self.pid, text=_names.get(self.pid, ''))
            return original(self)
        return send

    def _launch(self, process_obj):
        rt._in_launch = True  # the child says hello in _bootstrap, not as a raw fork
        try:
            return launch(self, process_obj)
        finally:
            rt._in_launch = False

    cls.terminate, cls.kill, cls._launch = signalling(terminate), signalling(kill), _launch
    for popen in (popen_fork.Popen, popen_forkserver.Popen):
        popen.poll = _reaping(popen.poll)


def _reaping(poll):
    """is_alive() and active_children() reap a child without join(): its exit code (-15 for
    a terminated one) is recorded as a join all the same."""
    def poll_(self, flag=os.WNOHANG):
        before = self.returncode
        code = poll(self, flag)
        if before is None and code is not None and not getattr(_joining, 'active', False) \
                and _reports():
            rt.done(OP_JOIN, value=self.pid, text=_names.get(self.pid, ''), extra=code)
        return code
    return poll_


def _patch_exit():
    """A raw os.fork() child ends with os._exit; MainProcess with sys.exit or an exception."""
    os_exit, sys_exit, excepthook = os._exit, sys.exit, sys.excepthook

    def _exit(code):
        rt.finish(code)
        os_exit(code)

    def exit_(code=None):
        rt.exit_code = code
        sys_exit(code)

    def hook(kind, value, tb):
        rt.exit_code = 1
        excepthook(kind, value, tb)

    os._exit, sys.exit, sys.excepthook = _exit, exit_, hook


def install():
    _patch_process()
    _patch_popen()
    _patch_exit()
