"""What the Python-program tests share: a check that fails with a sentence, what a session
left behind, and a main that turns a failed check into exit status 1."""
import os
import sys
import tempfile


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def leftovers(engine_pid):
    """What a session of the engine with this pid left behind."""
    session = '%d_' % engine_pid
    found = [os.path.join('/dev/shm', n) for n in os.listdir('/dev/shm')
             if n.startswith('mpviz-' + session) or n.startswith('sem.mpviz-' + session)]
    tmp = tempfile.gettempdir()
    found += [os.path.join(tmp, n) for n in os.listdir(tmp) if n.startswith('mpviz-' + session)]
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            with open('/proc/%s/environ' % pid, 'rb') as f:
                env = f.read().split(b'\0')
        except OSError:
            continue
        if ('MPVIZ_SESSION=' + session).encode() in [e[:len(session) + 14] for e in env]:
            found.append('process %s' % pid)
    return found


def run_main(main):
    try:
        main()
    except AssertionError as e:
        print('FAILED: %s' % e)
        sys.exit(1)
