"""The shim's two recorders write the same frames: the C one (_mpviz_recorder, built for the
CPython found at configure time) and the pure-Python one it falls back to. Both are fed the
same events - at the same lines of this file, from the main thread and from a second one,
with and without a text, out-of-range numbers, a text too long for a frame - and what
take() returns must be byte for byte the same. Also: with the build's shim the C recorder
is the one in use, so a broken build cannot fall back in silence.

usage: recorder_test.py SHIM_DIR RECORDER_DIR"""
import importlib.machinery
import importlib.util
import os
import subprocess
import sys
import threading

from harness import check, run_main

HERE = os.path.dirname(os.path.abspath(__file__))
GIVEN_TIMES = {123456789, 42, 99, 100, 101, 7}  # the times feed() gives its events


def load_native(folder):
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = os.path.join(folder, '_mpviz_recorder' + suffix)
        if os.path.exists(path):
            spec = importlib.util.spec_from_file_location('_mpviz_recorder', path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    raise AssertionError('no _mpviz_recorder for this interpreter in %s' % folder)


def feed(recorder, texts):
    """The same calls for either recorder: returns what it took, the source files and
    thread idents it asked about, in order, and how it woke the flusher. `texts`: the
    shim's item_text and SHOWN, which both recorders are given."""
    asked = []
    threads = {}

    def file_id(filename):
        # One id per file, as the shim's file_id. The C recorder may ask again for a call site
        # it has seen: once CPython 3.11 has specialized a call to a C function, it reports
        # the call at another instruction.
        if filename not in asked:
            asked.append(filename)
        return 0 if filename.startswith(os.path.dirname(recorder.__file__)) else 1 + asked.index(filename)

    def thread_number(ident):
        return threads.setdefault(ident, len(threads) + 1)

    woken = []
    recorder.configure(file_id, thread_number, lambda: woken.append(len(woken)), *texts)
    for i in range(3):
        recorder.record(1, 2, i)  # the same line three times: one site
    recorder.record(3, 4, -5, 1, 7, 123456789)
    recorder.record(5, 6, 1 << 70, 2, -40000, 42)  # value and extra clamped
    recorder.record(7, 8, 9, 2, 0, 99, 'héllo')
    recorder.record(7, 8, 9, 2, 0, 100, 'x' * (1 << 21))  # cut to fit a frame
    recorder.record(7, 8, 9, 2, 0, 101, '\ud800 lone surrogate')
    worker = threading.Thread(target=lambda: recorder.record(9, 1, 2, 2, 0, 7))
    worker.start()
    worker.join()
    # An item's text: the cases the C recorder writes itself and those it asks Python for.
    for item in (3, -2.5, True, None, 'short', 'x' * 40, 'y' * 41, 'é' * 50, [1, 'two'],
                 b'bytes', 10 ** 50):
        recorder.record_item(11, 3, 4, item)
    # The flusher's wake-up: none while it is not armed, one for the first event after
    # arm_wake() found nothing to take, none when there was something.
    recorder.record(1, 2, 3)
    armed_with_events = recorder.arm_wake()
    frames = recorder.take()
    armed = recorder.arm_wake()
    recorder.record_item(11, 3, 4, 'wakes')
    recorder.record(1, 2, 3)
    frames += recorder.take()
    return frames, asked, len(threads), (armed_with_events, armed, woken)


def without_timestamps(frames):
    """The frames with the clock's readings zeroed (the events feed() gave a time keep it)."""
    out = bytearray(frames)
    at = 0
    while at < len(out):
        size = int.from_bytes(out[at + 1:at + 5], 'little')
        if int.from_bytes(out[at + 5:at + 13], 'little') not in GIVEN_TIMES:
            out[at + 5:at + 13] = bytes(8)
        at += 5 + size
    return bytes(out)


def main():
    shim_dir, recorder_dir = sys.argv[1], sys.argv[2]
    sys.path.insert(0, shim_dir)
    from mpviz_shim import recorder as pure
    native = load_native(recorder_dir)
    native.__file__ = pure.__file__  # this file's frames are the program's for both
    texts = pure.item_text, pure.SHOWN
    a, asked_a, threads_a, wakes_a = feed(native, texts)
    b, asked_b, threads_b, wakes_b = feed(pure, texts)
    check(wakes_a == wakes_b == (False, True, [0]),
          'the flusher is woken once, by the first event after it armed: %r, %r'
          % (wakes_a, wakes_b))
    check(asked_a == asked_b, 'the recorders asked for different files: %r, %r'
          % (asked_a, asked_b))
    check(threads_a == threads_b == 1, 'one thread other than the main one expected')
    check(len(a) > 1 << 20, 'the long text was dropped: %d bytes' % len(a))
    check(without_timestamps(a) == without_timestamps(b),
          'the C and the Python recorder wrote different frames (%d and %d bytes)'
          % (len(a), len(b)))
    check(native.take() == b'' and pure.take() == b'', 'take() leaves the buffer empty')

    # The build's shim uses the C recorder; MPVIZ_PURE_PYTHON=1 makes it use Python's.
    probe = ('from mpviz_shim import runtime as rt; '
             'print(rt.native_recorder is not None, rt.record_done.__module__)')
    env = dict(os.environ, PYTHONPATH=shim_dir)
    for pure_python, expected in (('0', 'True _mpviz_recorder'),
                                  ('1', 'False mpviz_shim.recorder')):
        env['MPVIZ_PURE_PYTHON'] = pure_python
        said = subprocess.run([sys.executable, '-c', probe], env=env, capture_output=True,
                              text=True).stdout.strip()
        check(said == expected, 'MPVIZ_PURE_PYTHON=%s: the shim said %r, expected %r'
              % (pure_python, said, expected))
    print('both recorders wrote the same %d bytes; the build uses the C one' % len(a))


if __name__ == '__main__':
    run_main(main)
