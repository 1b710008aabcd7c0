#!/usr/bin/env python3
"""`mpviz run LESSON --as-python`: the lesson's listing runs under CPython with the run's
parameter values written into it (a flag as True/False, numbers as Python literals), with
the start method asked for, stepped by a schedule the same way twice, and refused with a
sentence where it makes no sense. Nothing is left behind: no process, no /dev/shm object,
no session directory, no directory of the listing.

usage: as_python_test.py MPVIZ
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import check, leftovers, run_main  # noqa: E402
from run_program_test import Trace, interleaving  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def mpviz_run(mpviz, args, expected_exit):
    proc = subprocess.Popen([mpviz, 'run'] + args, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    out, err = (s.decode(errors='replace') for s in proc.communicate(timeout=120))
    check(proc.returncode == expected_exit, 'mpviz run %s exited %d, expected %d:\n%s%s' %
          (' '.join(args), proc.returncode, expected_exit, out, err))
    left = leftovers(proc.pid)
    check(not left, 'mpviz run %s left behind: %s' % (' '.join(args), left))
    return out, err


def traced(mpviz, tmp, args, expected_exit=0):
    path = os.path.join(tmp, 'trace.json')
    mpviz_run(mpviz, args + ['--speed', '10', '--quiet', '--trace', path], expected_exit)
    return Trace(path)


def parameters_reach_the_listing(mpviz, tmp):
    t = traced(mpviz, tmp, ['lock', '--as-python', '--set', 'workers=2',
                            '--set', 'use_lock=false'])
    check(sorted(t.processes) == ['MainProcess', 'Process-1', 'Process-2'],
          'WORKERS = 2: %s' % sorted(t.processes))
    check(not t.ops('acquire'), 'USE_LOCK = False: nobody takes the lock')
    check(len(t.prints()) == 8, 'two workers print four lines each: %s' % t.prints())

    t = traced(mpviz, tmp, ['deadlock-on-join', '--as-python', '--set', 'bytes=1000'])
    check(t.outcome == 'completed' and t.prints('MainProcess') == ['1000'],
          'BYTES = 1000 fits the pipe: %s %s' % (t.outcome, t.prints()))


def start_method_and_float_parameter(mpviz, tmp):
    t = traced(mpviz, tmp, ['semaphore', '--as-python', '--start-method', 'spawn',
                            '--set', 'permits=3', '--set', 'hold=0.5'])
    check(t.objects['sem']['capacity'] == 3, 'PERMITS = 3: %s' % t.objects['sem'])
    sleeps = [e['args']['duration_ns'] for e in t.ops('sleep')]
    check(len(sleeps) == 5 and all(abs(s - 50e6) < 1e6 for s in sleeps),
          'HOLD = 0.5 is 50 ms at 10x: %s' % sleeps)
    check(t.processes['Process-1']['ppid'] == t.processes['MainProcess']['pid'],
          'spawned children are MainProcess\'s')


def schedule_replays_the_listing(mpviz, tmp):
    args = ['shared-value', '--as-python', '--set', 'use_lock=false', '--set', 'increments=2',
            '--schedule', 'round-robin']
    first, second = traced(mpviz, tmp, args), traced(mpviz, tmp, args)
    check(interleaving(first) == interleaving(second), 'the schedule replays differently')
    check(first.prints('MainProcess')[-1].startswith('final value:'), 'the program ended')


def refusals(mpviz, tmp):
    program = os.path.join(HERE, 'programs', 'lock_prints.py')
    cases = [
        ([program, '--as-python'], 'is a program already'),
        (['lock', '--as-python', '--set', 'nope=1'], "no parameter 'nope'"),
        (['lock', '--as-python', '--set', 'workers=99'], 'workers must be'),
        (['lock', '--as-python', '--convert-python2'], "not for a lesson's listing"),
        (['lock', '--start-method', 'spawn'], 'lesson run --as-python'),
        (['lock', '--as-python', '--python', os.path.join(tmp, 'no-python')], 'no-python'),
    ]
    for args, sentence in cases:
        _, err = mpviz_run(mpviz, args, 2)
        check(sentence in err, 'mpviz run %s: expected "%s" in:\n%s' %
              (' '.join(args), sentence, err))


def main():
    mpviz = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        for test in (parameters_reach_the_listing, start_method_and_float_parameter,
                     schedule_replays_the_listing, refusals):
            test(mpviz, tmp)
            print('ok: %s' % test.__name__.replace('_', ' '))


if __name__ == '__main__':
    run_main(main)
