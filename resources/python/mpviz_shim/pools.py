# Pool: one card per pool. Submit when a task is handed to the pool, task start/end in the
# worker (the module-level `worker` function's get and put), and the caller's wait for a
# result as a get on the pool. The pool's queues, locks and handler threads stay silent.
from multiprocessing import pool

from . import runtime as rt
from .patching import decl_of, item_text, named_init
from .wire_constants import KIND_POOL, OP_GET, OP_SUBMIT, OP_TASK_END, OP_TASK_START

_TASKS_PER_JOB = 10000


def _task_id(job, i):
    return job * _TASKS_PER_JOB + i


def _call_text(func, args):
    if func is pool.mapstar or func is pool.starmapstar:
        target, chunk = args[0]
        name = getattr(target, '__name__', '?')
        star = func is pool.starmapstar
        calls = ['%s(%s)' % (name, ', '.join(map(item_text, x)) if star else item_text(x))
                 for x in list(chunk)[:3]]
        return ', '.join(calls) + (', …' if len(chunk) > 3 else '')
    name = getattr(func, '__name__', '?')
    return '%s(%s)' % (name, ', '.join(map(item_text, args)))


def _capacity(p, processes=None, *args, **kwargs):
    import os
    return processes or os.cpu_count() or 1


class _TaskSource:
    """The worker's inqueue: reports each task as it starts."""

    def __init__(self, queue, decl):
        self._queue, self._decl = queue, decl
        self.chunked = False  # the current task is a chunk of a map: its result is a list

    def get(self):
        task = self._queue.get()
        if task is not None:
            job, i, func, args, _ = task
            self.chunked = func is pool.mapstar or func is pool.starmapstar
            rt.emit(OP_TASK_START, 2, rt.lid(self._decl), _task_id(job, i), _call_text(func, args))
        return task

    def __getattr__(self, name):
        return getattr(self._queue, name)


class _ResultSink:
    """The worker's outqueue: reports each task's end with its result."""

    def __init__(self, queue, decl, source):
        self._queue, self._decl, self._source = queue, decl, source

    def put(self, message):
        job, i, (ok, value) = message
        if ok and self._source.chunked and isinstance(value, list):
            text = ', '.join(map(item_text, value))
        else:
            text = item_text(value) if ok else 'error: %r' % (value,)
        rt.emit(OP_TASK_END, 2, rt.lid(self._decl), _task_id(job, i), text)
        return self._queue.put(message)

    def __getattr__(self, name):
        return getattr(self._queue, name)


def _patch_worker():
    worker = pool.worker

    def worker_(inqueue, outqueue, *args, **kwargs):
        d = getattr(getattr(inqueue, '_rlock', None), '_mpviz_owner', None)
        if d is None or not rt.LANE:
            return worker(inqueue, outqueue, *args, **kwargs)
        source = _TaskSource(inqueue, d)
        return worker(source, _ResultSink(outqueue, d, source), *args, **kwargs)

    # Pickled by reference under spawn: it must be found as multiprocessing.pool.worker.
    worker_.__module__, worker_.__qualname__, worker_.__name__ = pool.__name__, 'worker', 'worker'
    pool.worker = worker_


def _patch_pool():
    cls = pool.Pool
    named_init(cls, lambda p: KIND_POOL, _capacity)
    setup_queues, guarded, apply_async = cls._setup_queues, cls._guarded_task_generation, \
        cls.apply_async

    def _setup_queues(self):
        setup_queues(self)
        d = decl_of(self)
        if d is not None:
            self._inqueue._rlock._mpviz_owner = d  # travels to the workers with the lock

    def _guarded_task_generation(self, result_job, func, iterable):
        d = decl_of(self)
        for task in guarded(self, result_job, func, iterable):
            if d is not None:
                job, i, f, args, _ = task
                rt.emit(OP_SUBMIT, 2, rt.lid(d), _task_id(job, i), _call_text(f, args))
            yield task

    def apply_async_(self, func, args=(), kwds={}, callback=None, error_callback=None):
        result = apply_async(self, func, args, kwds, callback, error_callback)
        d = decl_of(self)
        if d is not None:
            rt.emit(OP_SUBMIT, 2, rt.lid(d), _task_id(result._job, 0), _call_text(func, args))
        return result

    cls._setup_queues = _setup_queues
    cls._guarded_task_generation = _guarded_task_generation
    cls.apply_async = apply_async_
    for name in ('_handle_workers', '_handle_tasks', '_handle_results'):
        handler = getattr(cls, name)
        setattr(cls, name, staticmethod(_silent_thread(handler)))


def _silent_thread(handler):
    def run(*args, **kwargs):
        rt.mark_thread_silent()
        return handler(*args, **kwargs)
    return run


def _wait_on_pool(cls, method):
    original = getattr(cls, method)

    def wait(self, timeout=None):
        d = self.__dict__.get('_mpviz')
        if d is None or not rt.LANE or rt.silent():
            return original(self, rt.scaled(timeout))
        oid = rt.lid(d)
        rt.gate(OP_GET, oid)
        waited = not _ready(self)
        if waited:
            rt.blocked(OP_GET, oid, 0, timeout is not None)
        try:
            value = original(self, rt.scaled(timeout))
        except pool.TimeoutError:
            rt.failed(OP_GET, oid)
            raise
        except StopIteration:
            if waited:
                rt.done(OP_GET, oid)
            raise
        rt.done(OP_GET, oid, 0, item_text(value))
        return value

    setattr(cls, method, wait)
    return wait


def _ready(result):
    if isinstance(result, pool.IMapIterator):
        return bool(result._items) or result._index == result._length
    return result.ready()


def _patch_results():
    for cls in (pool.ApplyResult, pool.IMapIterator):
        init = cls.__init__

        def __init__(self, p, *args, _init=init, **kwargs):
            _init(self, p, *args, **kwargs)
            d = decl_of(p) if p is not None else None
            if d is not None:
                self._mpviz = d

        cls.__init__ = __init__
    _wait_on_pool(pool.ApplyResult, 'get')
    pool.IMapIterator.__next__ = _wait_on_pool(pool.IMapIterator, 'next')


def install():
    _patch_worker()
    _patch_pool()
    _patch_results()
