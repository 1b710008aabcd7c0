# One Python process's side of the session: its connection to the engine, the event buffer
# and its flusher thread, the objects it declared, and the step gate. The Python twin of
# core/mp/runtime.cpp: events are buffered; the flusher sleeps while nothing is, sends the
# first event at once and then gathers for 1 ms; Blocked, Failed and Intent phases, prints
# and the exit go out at once (the process may block or die next). With the C recorder the
# buffer and the flusher are its own (outbox.cpp: a thread that sends without the GIL);
# with the pure-Python one they are here.
import multiprocessing
import os
import socket
import threading
import time

from . import recorder, wire
from .wire_constants import (ENV_SOCKET, ENV_SPEED, ENV_STEP, NO_OBJECT, OP_EXIT, PHASE_BLOCKED,
                             PHASE_DONE, PHASE_FAILED, PHASE_INTENT)

_mono = now = time.monotonic_ns
_get_ident = threading.get_ident
real_sleep = time.sleep  # the flusher must not go through the program's (scaled) sleep
# After a flush the flusher lets a burst gather this long before it sends again; the engine
# holds events for it (EventSorter::kPromptWindowNs), as for a C++ lesson's runtime.
FLUSH_GATHER = 0.001

SPEED = 1.0
ACTIVE = False  # events are recorded (a lane, or a process that may become one)
LANE = False  # said hello: this process is a lane of the timeline
STEP = False  # step mode: every gated operation waits for a grant
NAME = ''
EXITED = False
exit_code = 0  # what sys.exit / an uncaught exception said, for the Exit event

# Encoded frames not sent yet, in order (declarations, events with a text, and what the
# recorder took before each of them): the recorder's events come after all of these.
_frames = []
_seal_lock = threading.Lock()  # held while frames join _frames, so they stay in order
_sock = None
_send_lock = threading.Lock()
# The flusher sleeps on _idle (held) while nothing is buffered; a wake releases it. Only
# the event that finds the flusher asleep wakes it: an operation makes no system call.
_idle = threading.Lock()
_idle.acquire()
_asleep = False
_decl_lock = threading.Lock()
_ids = {}  # (kind, name) -> local id
_threads = {}  # thread ident -> thread number on the wire: _main_ident's is 0
_main_ident = _get_ident()
_forks = 0  # raw os.fork() children started by this process
_in_launch = False  # multiprocessing is forking a Process: its child says hello in _bootstrap

_gate_cv = threading.Condition(threading.Lock())
_waiting = []  # [thread ident, granted] per thread waiting at the gate, oldest first
_mode_gen = 0

_local = threading.local()  # .silent: a multiprocessing-internal thread; .ctor: depth

# Where the program did an operation: the first frame outside multiprocessing and this
# shim. Files are declared by a Source frame before first use; the files skipped map to 0.
_SKIP = (os.path.dirname(multiprocessing.__file__) + os.sep,
         os.path.dirname(os.path.abspath(__file__)) + os.sep)
_files = {}  # co_filename -> file id, 0 for multiprocessing's and the shim's own files
_sources = 0  # files declared


def _file_id(filename):
    global _sources
    n = _files.get(filename)
    if n is not None:
        return n
    with _decl_lock:
        n = _files.get(filename)
        if n is None:
            if filename.startswith(_SKIP):
                n = _files[filename] = 0
            else:
                _sources += 1
                n = _files[filename] = _sources
                append_frame(wire.source(n, os.path.abspath(filename)))
    return n


def _native_recorder():
    """The C recorder built for this interpreter beside the shim's tree (share/mpviz/python ->
    lib/mpviz/python), or None: another interpreter, or MPVIZ_PURE_PYTHON=1."""
    if os.environ.get('MPVIZ_PURE_PYTHON') == '1':
        return None
    import importlib.machinery
    import importlib.util
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    # Lexically: in the build tree the shim's folder is a link into the sources.
    folder = os.path.normpath(os.path.join(root, os.pardir, os.pardir, os.pardir, 'lib',
                                           'mpviz', 'python'))
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = os.path.join(folder, '_mpviz_recorder' + suffix)
        if os.path.exists(path):
            try:
                spec = importlib.util.spec_from_file_location('_mpviz_recorder', path)
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                return module
            except (ImportError, OSError):
                return None
    return None


native_recorder = _native_recorder()  # None: the pure-Python one records
_recorder = native_recorder or recorder


# The C recorder keeps the frames not sent yet and sends them from a thread of its own.
_OUTBOX = native_recorder


def _configure_recorder():
    _recorder.configure(_file_id, _thread_number, _wake, recorder.item_text, recorder.SHOWN)
# stop_frames_at(code): no line is looked for in a frame of code or below it.
stop_frames_at = _recorder.stop_at
# record_done(op, object, value): Done, now, without a text - the hot path of a named lock's
# acquire and release, called straight from the operation's wrapper.
record_done = _recorder.record
# record_item(op, object, value, item): Done, now, the item's short repr as text (a put, a get).
record_item = _recorder.record_item


_decls = []  # every Decl this process declared: a fork forgets their local ids


class Decl:
    """A shared object's identity: what its Object frame says. Travels with the object.
    `lid` is NO_OBJECT until this process has declared it (see lid())."""
    __slots__ = ('name', 'kind', 'capacity', 'vtype', 'lid')

    def __init__(self, name, kind, capacity=0, vtype=''):
        self.name, self.kind, self.capacity, self.vtype = name, kind, capacity, vtype
        self.lid = NO_OBJECT

    def __reduce__(self):
        return Decl, (self.name, self.kind, self.capacity, self.vtype)


def lid(d):
    """The local id this process's events call the object by; declares it on first use."""
    n = d.lid
    if n != NO_OBJECT:
        return n
    with _decl_lock:
        key = (d.kind, d.name)
        n = _ids.get(key)
        if n is None:
            n = len(_ids)
            if n >= NO_OBJECT:
                return NO_OBJECT
            _ids[key] = n
            append_frame(wire.declare(n, d.kind, d.capacity, d.name, d.vtype))
        d.lid = n
        _decls.append(d)
    return n


def emit(op, phase, obj=NO_OBJECT, value=0, text='', extra=0):
    if ACTIVE:
        _record_at(_mono(), op, phase, obj, value, text, extra)


def urgent(op, phase, obj=NO_OBJECT, value=0, text='', extra=0):
    if ACTIVE:
        _record_at(_mono(), op, phase, obj, value, text, extra)
        flush()


def done_at(ts, op, obj=NO_OBJECT, value=0, text='', extra=0):
    """Done, at a time taken before the call: its effect may be seen by others at once."""
    if ACTIVE:
        _record_at(ts, op, PHASE_DONE, obj, value, text, extra)


def blocked(op, obj=NO_OBJECT, value=0, timed=False, text=''):
    urgent(op, PHASE_BLOCKED, obj, value, text, 1 if timed else 0)


def failed(op, obj=NO_OBJECT, value=0, text='', extra=0):
    urgent(op, PHASE_FAILED, obj, value, text, extra)


def done(op, obj=NO_OBJECT, value=0, text='', extra=0):
    if ACTIVE:
        _record_at(_mono(), op, PHASE_DONE, obj, value, text, extra)


def silent():
    """True in multiprocessing's own threads (a Pool's handlers, a Queue's feeder)."""
    return getattr(_local, 'silent', False)


def mark_thread_silent():
    _local.silent = True


def in_constructor():
    return getattr(_local, 'ctor', 0) > 0


class constructing:
    """Objects made inside a wrapped constructor are the container's parts, not cards."""

    def __enter__(self):
        _local.ctor = getattr(_local, 'ctor', 0) + 1

    def __exit__(self, *exc):
        _local.ctor -= 1


def scaled(seconds):
    """A program's sleep or timeout, in real seconds at the session's speed."""
    if seconds is None:
        return None
    return seconds / SPEED if seconds > 0 else seconds


def _thread_number(ident):
    """This thread's number on the wire: 0 the main thread, then in order of first event."""
    n = _threads.get(ident)
    if n is None:
        n = _threads.setdefault(ident, len(_threads))
    return n


def _record_at(ts, op, phase, obj, value, text, extra):
    _recorder.record(op, obj, value, phase, extra, ts, text or None)


def append_frame(frame):
    """An encoded frame, in order after every event recorded before it."""
    if _OUTBOX is not None:
        _OUTBOX.append(frame)
        return
    with _seal_lock:
        _seal()
        _frames.append(frame)
    if _asleep:
        _wake()


def _seal():
    taken = _recorder.take()
    if taken:
        _frames.append(taken)


def flush():
    global _sock, ACTIVE
    if _sock is None:
        return
    if _OUTBOX is not None:
        if not _OUTBOX.flush():  # the engine is gone; the process is killed with it
            _sock, ACTIVE = None, False
        return
    with _send_lock:
        with _seal_lock:
            _seal()
            data = b''.join(_frames)
            _frames.clear()
        if data:
            try:
                _sock.sendall(data)
            except OSError:  # the engine is gone; the process is killed with it
                _sock, ACTIVE = None, False


def _wake():
    """Lets the sleeping flusher run (the recorder calls it for the first event it records
    after arm_wake())."""
    try:
        _idle.release()
    except RuntimeError:  # already released: the flusher will not sleep
        pass


def _flusher(sock):
    global _asleep
    while _sock is sock and not EXITED:
        _asleep = True  # before looking: whatever comes after the look wakes us
        if _recorder.arm_wake() and not _frames:
            _idle.acquire()
        _asleep = False
        flush()
        real_sleep(FLUSH_GATHER)


def _on_mode(step):
    global STEP, _mode_gen
    with _gate_cv:
        STEP = step
        _mode_gen += 1
        if not step:
            _waiting.clear()
        _gate_cv.notify_all()


def _on_grant(thread):
    with _gate_cv:
        for w in _waiting:
            if not w[1] and (thread is None or _threads.get(w[0]) == thread):
                w[1] = True
                break
        _gate_cv.notify_all()


def _reader(sock):
    reader = wire.Reader(_on_mode, _on_grant)
    while True:
        try:
            data = sock.recv(4096)
        except OSError:
            data = b''
        if not data or _sock is not sock:
            break
        reader.feed(data)
    _on_mode(False)  # nobody can grant any more: let the program run to its end


def gate(op, obj=NO_OBJECT, value=0):
    """Step mode: announce the operation and wait for the engine's grant."""
    if not STEP or not LANE or silent():
        return
    me = [_get_ident(), False]
    with _gate_cv:
        generation = _mode_gen
        _waiting.append(me)
    urgent(op, PHASE_INTENT, obj, value)
    with _gate_cv:
        # A switch to run mode releases this intent even if step mode came straight back.
        while not me[1] and STEP and _mode_gen == generation:
            _gate_cv.wait()
        if me in _waiting:
            _waiting.remove(me)


def _await_mode(sock):
    reader = wire.Reader(_on_mode, _on_grant)
    seen = []
    reader._on_mode = lambda step: (seen.append(step), _on_mode(step))
    sock.settimeout(5.0)
    try:
        while not seen:
            data = sock.recv(4096)
            if not data:
                break
            reader.feed(data)
    except OSError:
        pass
    finally:
        sock.settimeout(None)


def hello(name, daemon, ppid):
    """Become a lane: connect, say who we are, and send what was buffered before."""
    global _sock, LANE, ACTIVE, NAME
    path = os.environ.get(ENV_SOCKET)
    if not path or LANE:
        return
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(path)
        sock.sendall(wire.hello(os.getpid(), ppid, daemon, name))
    except OSError:
        sock.close()
        ACTIVE = False
        return
    NAME, LANE, ACTIVE = name, True, True
    _await_mode(sock)
    if _OUTBOX is not None:
        _OUTBOX.connect(sock.fileno())  # before _sock is set: a flush() then can send
    _sock = sock
    flush()
    if _OUTBOX is None:
        threading.Thread(target=_flusher, args=(sock,), name='mpviz-flusher',
                         daemon=True).start()
    threading.Thread(target=_reader, args=(sock,), name='mpviz-reader', daemon=True).start()


def finish(code):
    """The process's program ended: record the exit and send everything."""
    global EXITED
    if not LANE or EXITED:
        return
    from . import output
    output.flush_partial_lines()
    if isinstance(code, bool) or not isinstance(code, int):
        code = 0 if code is None else 1
    urgent(OP_EXIT, PHASE_DONE, NO_OBJECT, code)
    EXITED = True
    if _OUTBOX is not None:
        _OUTBOX.stop()


def _before_fork():
    global _forks
    if not _in_launch:
        _forks += 1


def _after_fork_in_child():
    """The parent's connection, buffer and locks are not ours: start afresh."""
    global _sock, LANE, ACTIVE, _ids, _threads, _send_lock, _decl_lock, _seal_lock, _gate_cv
    global _waiting, EXITED, STEP, _forks, _sources, _main_ident, _idle, _asleep
    was_lane, parent = LANE, NAME
    if _sock is not None:
        try:
            _sock.close()  # close, never shutdown: the parent still talks on it
        except OSError:
            pass
    _sock, LANE, EXITED = None, False, False
    _frames.clear()
    for d in _decls:
        d.lid = NO_OBJECT
    _decls.clear()
    _main_ident = _get_ident()  # the thread that forked is the child's main thread
    _ids, _threads = {}, {_main_ident: 0}
    _configure_recorder()
    _files.clear()
    _sources = 0
    _send_lock, _decl_lock, _seal_lock = threading.Lock(), threading.Lock(), threading.Lock()
    _idle, _asleep = threading.Lock(), False  # the parent's flusher is not ours
    _idle.acquire()
    _gate_cv, _waiting = threading.Condition(threading.Lock()), []
    STEP = os.environ.get(ENV_STEP) == '1'
    number, _forks = _forks, 0
    if was_lane and not _in_launch:
        # A raw os.fork(): a process of its own, named after its parent.
        name = 'Fork-%d' % number if parent == 'MainProcess' else '%s/Fork-%d' % (parent, number)
        hello(name, False, os.getppid())


def start(role_main):
    """Called once at interpreter start-up by sitecustomize."""
    global SPEED, ACTIVE, STEP
    try:
        SPEED = float(os.environ.get(ENV_SPEED, '1'))
    except ValueError:
        SPEED = 1.0
    if not SPEED > 0:
        SPEED = 1.0
    STEP = os.environ.get(ENV_STEP) == '1'
    ACTIVE = True
    _threads[_main_ident] = 0
    _configure_recorder()
    os.register_at_fork(before=_before_fork, after_in_child=_after_fork_in_child)
    if role_main:
        hello('MainProcess', False, os.getppid())
