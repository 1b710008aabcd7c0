# Installs the shim in this interpreter. MainProcess says hello at once; a spawned child
# waits for Process._bootstrap; helpers (resource tracker, fork server) never do.
import atexit
import os

from . import runtime as rt
from .wire_constants import ENV_PYTHON_MAIN, ENV_SESSION, ENV_START_METHOD

_MAIN_FLAG = ENV_PYTHON_MAIN


def _at_exit():
    rt.finish(rt.exit_code)


def _force_start_method(method):
    """Changes the default only: a set_start_method() in the program still wins, and nothing
    here fixes the method (get_start_method() would)."""
    from multiprocessing import context
    try:
        context._default_context._default_context = context._concrete_contexts[method]
    except (AttributeError, KeyError):
        pass


def install():
    role_main = os.environ.pop(_MAIN_FLAG, None) == '1'
    # Registered before multiprocessing.util's _exit_function, so it runs after it: the
    # joins and the feeder flushes at exit are recorded before the exit itself.
    atexit.register(_at_exit)
    from . import output, pipes, processes, queues, shared, sync, pools
    for module in (sync, queues, pipes, processes, pools, shared, output):
        module.install()
    session = os.environ.get(ENV_SESSION)
    if session:
        # Named semaphores get the session's prefix, so the engine's cleanup finds them.
        from multiprocessing import process
        process.current_process()._config['semprefix'] = '/mpviz-%s-py' % session
    method = os.environ.get(ENV_START_METHOD)
    if method:
        _force_start_method(method)
    rt.start(role_main)
