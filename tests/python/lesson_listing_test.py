#!/usr/bin/env python3
"""Runs one built-in lesson twice at its defaults - as the C++ lesson and as its Python
listing under CPython (`mpviz run LESSON --as-python`) - and checks that both tell the same
story. Afterwards nothing of either session may be left.

What is compared, exactly:
- the outcome (completed / deadlock) and mpviz's exit code;
- the objects: (name, kind, capacity) of every declared object;
- the processes: their names and exit codes; a process its parent terminated may be missing
  from either run when it has no event of its own (it can be killed before it says hello);
- for every process, its sequence, in time order, of (operation, object), where the
  operation is the event's name with "(failed)" added when the call gave up (a timeout),
  and the object is the object's name (for start, join and terminate: the child's name).

Three rules make CPython's own nondeterminism invisible and nothing else:
1. A successful join on a child followed later in the same lane by another join on that
   child is left out: CPython reaps an ended child whenever it polls (start(), is_alive(),
   exitcode), and the shim records that as a join; whether the child has ended by then is
   timing. The program's own later join stays.
2. The joins after a lane's last operation other than start, join and terminate are the
   reaping that start() and the exit sequence do: CPython joins leftover children in the
   order of a set, and reaps an ended one at whichever start() comes next. Those joins are
   compared in name order, just before the lane's exit; the lane's other events keep their
   order. (A program's own joins at its very end are compared that way too.)
3. A pool worker's tasks are cut out of its lane: each task, from task_start to task_end, is
   compared with the same call's task in the other run, wherever it ran (which worker takes
   which task is up to the OS); the rest of each worker's lane is compared as usual.
One rule is about presentation: CPython reports an exception that ends a process as
"Process NAME:" and a traceback, line by line; the lesson prints it as one line. Such a
report counts as one print.

usage: lesson_listing_test.py MPVIZ LESSON
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import check, leftovers, run_main  # noqa: E402
from run_program_test import Trace  # noqa: E402

# Fast, but slow enough that each lesson's intended race keeps its outcome under load: at
# 10x event's timeout and its second set() are 200 ms apart. Two lessons need more room:
# lifecycle's daemon must still be asleep when MainProcess has started, joined and reaped
# seven children (one lesson second: 500 ms at 2x), and lock-order's second worker must take
# its first lock while the first worker sleeps 0.5 s holding the other.
SPEED = {'lifecycle': '2', 'lock-order': '1'}
DEFAULT_SPEED = '10'
EXPECTED_EXIT = {'deadlock-on-join': 3, 'lock-order': 3}


def operation(e):
    return e['name'] + ('(failed)' if e.get('args', {}).get('failed') else '')


def collapse_tracebacks(t, events):
    """CPython's report of an exception that ended the process counts as one print."""
    out, i = [], 0
    while i < len(events):
        e = events[i]
        out.append(e)
        i += 1
        text = e['args'].get('text', '') if e['name'] == 'print' else ''
        header = 'Process %s:' % t.who(e)
        if text == header and i < len(events) and events[i]['name'] == 'print' and \
                events[i]['args'].get('text') == 'Traceback (most recent call last):':
            i += 1
            while i < len(events) and events[i]['name'] == 'print' and \
                    events[i]['args'].get('text', '').startswith(' '):
                i += 1
            if i < len(events) and events[i]['name'] == 'print':
                i += 1  # the exception's own line: "RuntimeError: There was an error!"
    return out


def without_early_reaps(events):
    """Rule 1: only the last join on each child, unless it failed."""
    out = []
    for n, e in enumerate(events):
        if e['name'] == 'join' and not e['args'].get('failed'):
            child = e['args'].get('object')
            if any(later['name'] == 'join' and later['args'].get('object') == child
                   for later in events[n + 1:]):
                continue
        out.append(e)
    return out


def lane(t, events):
    """A lane's canonical sequence of (operation, object), and its pool tasks by call."""
    events = without_early_reaps(collapse_tracebacks(t, events))
    tasks, current, rest = {}, None, []
    for e in events:
        args = e.get('args', {})
        if e['name'] == 'task_start':
            current = args.get('call')
            tasks[current] = []
        if current is not None:
            tasks[current].append((operation(e), args.get('object')))
            if e['name'] == 'task_end':
                current = None
            continue
        rest.append(e)
    # Rule 2: the trailing joins, in name order, after everything else.
    last_other = max([n for n, e in enumerate(rest)
                      if e['name'] not in ('start', 'join', 'terminate', 'exit')], default=-1)
    trailing = sorted(args_object(e) for e in rest[last_other + 1:] if e['name'] == 'join')
    sequence = [(operation(e), args_object(e)) for n, e in enumerate(rest)
                if not (n > last_other and e['name'] == 'join')]
    if sequence and sequence[-1][0] == 'exit':
        sequence[-1:-1] = [('join (reaped at the end)', c) for c in trailing]
    else:
        sequence += [('join (reaped at the end)', c) for c in trailing]
    return sequence, tasks


def args_object(e):
    return e.get('args', {}).get('object')


def story(t):
    """Everything the two runs must agree on, in a form that compares with ==."""
    by_lane = {}
    for e in t.ops():
        by_lane.setdefault(t.who(e), []).append(e)
    lanes, tasks = {}, {}
    for name, events in by_lane.items():
        lanes[name], lane_tasks = lane(t, events)
        for call, ops in lane_tasks.items():
            check(call not in tasks, 'the task %s ran twice' % call)
            tasks[call] = ops
    terminated = {e['args'].get('object') for e in t.ops('terminate')}
    names = {n for n in t.processes if n in by_lane or n not in terminated}
    return {
        'outcome': t.outcome,
        'objects': sorted((o['name'], o['kind'], o.get('capacity')) for o in t.objects.values()),
        'processes': sorted(names),
        'exit codes': {n: t.exitcode(n) for n in sorted(names)},
        'lanes': lanes,
        'pool tasks': tasks,
    }


def run(mpviz, lesson, python, trace_path):
    args = [mpviz, 'run', lesson, '--speed', SPEED.get(lesson, DEFAULT_SPEED), '--timeout', '60',
            '--quiet', '--trace', trace_path] + (['--as-python'] if python else [])
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = proc.communicate(timeout=120)[0].decode(errors='replace')
    expected = EXPECTED_EXIT.get(lesson, 0)
    check(proc.returncode == expected, '%s exited %d, expected %d:\n%s' %
          (' '.join(args[1:]), proc.returncode, expected, output))
    left = leftovers(proc.pid)
    check(not left, 'left behind: %s' % left)
    return Trace(trace_path)


def differences(cpp, python):
    out = []
    for key in cpp:
        if key == 'lanes':
            for name in sorted(set(cpp[key]) | set(python[key]), key=str):
                a, b = cpp[key].get(name, []), python[key].get(name, [])
                if a != b:
                    out.append('lane %s:\n  lesson: %s\n  python: %s' % (name, a, b))
        elif cpp[key] != python[key]:
            out.append('%s:\n  lesson: %s\n  python: %s' % (key, cpp[key], python[key]))
    return out


def main():
    mpviz, lesson = sys.argv[1:3]
    with tempfile.TemporaryDirectory() as tmp:
        cpp = story(run(mpviz, lesson, False, os.path.join(tmp, 'lesson.json')))
        python = story(run(mpviz, lesson, True, os.path.join(tmp, 'python.json')))
    found = differences(cpp, python)
    check(not found, 'the lesson and its Python listing differ:\n' + '\n'.join(found))
    print('ok: %s and its Python listing agree (%d processes)' % (lesson, len(cpp['processes'])))


if __name__ == '__main__':
    run_main(main)
