#!/usr/bin/env python3
"""Runs one program of tests/python/programs through `mpviz run` under one start method and
checks its trace: lanes and names, exit codes, what each primitive did. Afterwards nothing of
the session may be left: no process, no /dev/shm object, no session directory.

usage: run_program_test.py MPVIZ PROGRAM fork|spawn|forkserver
"""
import json
import os
import subprocess
import sys
import tempfile

from harness import check, leftovers, run_main

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, 'programs')


class Trace:
    def __init__(self, path):
        with open(path) as f:
            data = json.load(f)
        self.other = data['otherData']
        self.outcome = self.other['outcome']
        self.processes = {p['name']: p for p in self.other['processes']}
        self.name_of = {p['pid']: p['name'] for p in self.other['processes']}
        self.objects = {o['name']: o for o in self.other.get('objects', [])}
        events = [e for e in data['traceEvents'] if e['ph'] in ('i', 'X')]
        self.events = sorted(events, key=lambda e: (e.get('ts', 0), e['ph'] != 'X'))

    def ops(self, name=None, process=None, obj=None, slices=False):
        """Operations (instants) or, with slices=True, blocked/sleeping slices."""
        out = []
        for e in self.events:
            if (e['ph'] == 'X') != slices or (name and e['name'] != name):
                continue
            if process and self.name_of.get(e['pid']) != process:
                continue
            if obj and e.get('args', {}).get('object') != obj:
                continue
            out.append(e)
        return out

    def who(self, e):
        return self.name_of.get(e['pid'])

    def prints(self, process=None):
        return [e['args']['text'] for e in self.ops('print', process)]

    def exitcode(self, name):
        return self.processes[name].get('exitcode')

    def deadlock(self):
        return [e for e in self.events if e['name'] == 'deadlock']


def holders_never_exceed(t, obj, limit):
    """Replays acquire/release of one object in time order: at most `limit` holders."""
    held, most = 0, 0
    for e in t.ops(obj=obj):
        if e.get('args', {}).get('failed'):
            continue
        if e['name'] == 'acquire':
            held += 1
        elif e['name'] == 'release':
            held -= 1
        most = max(most, held)
        check(held <= limit, '%s held by %d at once at %.1f us' % (obj, held, e['ts']))
    return most


def children(t):
    return sorted(n for n in t.processes if n != 'MainProcess')


# --- one function per program: what its trace must show --------------------------------

def daemon_exit(t, method):
    check(children(t) == ['Process-1', 'Process-2'], 'lanes: %s' % children(t))
    check(t.processes['Process-1']['daemon'] and not t.processes['Process-2']['daemon'],
          'Process-1 is the daemon')
    check(t.exitcode('Process-1') == -15, 'daemon terminated at exit: %s' % t.exitcode('Process-1'))
    check(t.exitcode('Process-2') == 0, 'non-daemon ends by itself')
    main_done = t.ops('print', 'MainProcess')[0]['ts']
    terminate = t.ops('terminate', 'MainProcess', 'Process-1')
    check(terminate and terminate[0]['ts'] > main_done, 'the daemon is terminated after main')
    join = t.ops('join', 'MainProcess', 'Process-2')
    check(join and join[0]['args']['exitcode'] == 0, 'the non-daemon is joined at exit')
    check(t.prints('Process-2') == ['finisher done'], 'finisher printed')


def join_timeout(t, method):
    failed = [e for e in t.ops('join', 'MainProcess', 'Process-1') if e['args'].get('failed')]
    check(len(failed) == 1, 'join(timeout) gave up once')
    timed = [s for s in t.ops('blocked', 'MainProcess', slices=True)
             if s['args'].get('op') == 'join' and s['args'].get('timed')]
    check(timed, 'the timed join shows as a timed blocked slice')
    check(t.exitcode('Process-1') == -15, 'terminated: -15, got %s' % t.exitcode('Process-1'))
    check(t.exitcode('Process-2') == 3, 'sys.exit(3): 3, got %s' % t.exitcode('Process-2'))
    check(t.ops('terminate', 'MainProcess', 'Process-1'), 'terminate recorded')
    check(t.prints('MainProcess') == ['still alive after 0.2 s: True', 'exit codes: -15 3'],
          'prints: %s' % t.prints('MainProcess'))


def subclass_run(t, method):
    check(children(t) == ['greeter-hello', 'greeter-salut'], 'lanes: %s' % children(t))
    check(t.prints('greeter-hello') == ['hello from greeter-hello'], 'run() of the subclass')
    check(t.prints('greeter-salut') == ['salut from greeter-salut'], 'run() of the subclass')


def lock_prints(t, method):
    check(t.objects['lock']['kind'] == 'lock', 'the Lock is named lock')
    check(holders_never_exceed(t, 'lock', 1) == 1, 'the lock was held')
    for n in range(4):
        name = 'Process-%d' % (n + 1)
        check(len(t.ops('acquire', name, 'lock')) == 3, '%s acquired three times' % name)
        # each line is printed while its process holds the lock
        acquires = [e['ts'] for e in t.ops('acquire', name, 'lock')]
        releases = [e['ts'] for e in t.ops('release', name, 'lock')]
        for p, (a, r) in zip(t.ops('print', name), zip(acquires, releases)):
            check(a <= p['ts'] <= r, '%s printed outside the lock' % name)
    check(len(t.prints()) == 12, 'twelve lines')


def semaphore_five(t, method):
    check(t.objects['permits'] == {'name': 'permits', 'kind': 'semaphore', 'capacity': 2},
          'Semaphore(2) named permits: %s' % t.objects.get('permits'))
    check(holders_never_exceed(t, 'permits', 2) == 2, 'two inside at once at some point')
    values = [e['args']['value'] for e in t.ops('acquire', obj='permits')]
    check(min(values) >= 0 and max(values) <= 1, 'values after acquire: %s' % values)
    blocked = [s for s in t.ops('blocked', slices=True) if s['args'].get('object') == 'permits']
    check(blocked, 'somebody waited for a permit')


def event_wait(t, method):
    waits = t.ops('wait', 'Process-1', 'ready')
    check([w['args']['result'] for w in waits] == [False, True], 'results: %s' % waits)
    sets = t.ops('set', 'MainProcess', 'ready')
    check(len(sets) == 1 and sets[0]['ts'] <= waits[1]['ts'], 'set before the wait ends')
    clears = t.ops('clear', 'MainProcess', 'ready')
    check(len(clears) == 1 and clears[0]['ts'] > sets[0]['ts'], 'cleared after set')
    check(t.prints('MainProcess') == ['flag after clear: False'], 'is_set after clear')


def queue_maxsize(t, method):
    check(t.objects['box'] == {'name': 'box', 'kind': 'queue', 'capacity': 2}, 'Queue(maxsize=2)')
    puts, gets = t.ops('put', obj='box'), t.ops('get', obj='box')
    check(max(e['args'].get('length', 0) for e in puts) <= 2, 'never more than two inside')
    check([e['args']['item'] for e in puts] == [e['args']['item'] for e in gets],
          'every item put is got, in order')
    for p, g in zip(puts, gets):
        check(p['ts'] <= g['ts'], 'put %s before its get' % p['args']['item'])
    # In the trace's order too: a get frees its slot only after it is recorded.
    inside = 0
    for e in sorted(puts + gets, key=lambda e: e['ts']):
        inside += 1 if e['name'] == 'put' else -1
        check(0 <= inside <= 2, 'at most two inside at ts %s: %d' % (e['ts'], inside))
    blocked = [s for s in t.ops('blocked', 'Process-1', slices=True) if s['args']['op'] == 'put']
    check(blocked, 'the producer waited for room')


def queue_own_items(t, method):
    puts, gets = t.ops('put', obj='box'), t.ops('get', obj='box')
    check([e['args']['item'] for e in puts] == [e['args']['item'] for e in gets] and
          len(puts) == 4, 'every item put is got, in order')
    check(puts[2]['args']['item'] == 'Ellipsis' and '200000 bytes' in puts[1]['args']['item'],
          'the items as put: %s' % [e['args']['item'] for e in puts])
    check(t.who(puts[3]) == 'Process-1' and puts[3]['args']['item'] == "'from the child'",
          'the child put the last item')
    check([e['args']['length'] for e in puts[:3]] == [1, 2, 3] and
          [e['args']['length'] for e in gets] == [2, 1, 0, 0], 'the length after each')
    with open(os.path.join(PROGRAMS, 'queue_own_items.py')) as f:
        source = f.read().splitlines()

    def line_of(text):
        return 1 + next(i for i, line in enumerate(source) if text in line)
    mine = [e for e in puts + gets if t.who(e) == 'MainProcess']
    check([(e['name'], e['args']['line']) for e in mine] ==
          [('put', line_of('box.put(1)')), ('put', line_of('box.put("X"')),
           ('put', line_of('box.put(...)'))] + [('get', line_of('print(box.get(),'))] * 3 +
          [('get', line_of('print(box.get())'))], 'each at its line of the program')
    check(all(e['args']['file'].endswith('queue_own_items.py') for e in mine), 'in its file')
    check([e['args']['item'] for e in t.ops('put', obj='jobs') + t.ops('get', obj='jobs')] ==
          ["'job'", "'job'"], 'the JoinableQueue put and get')
    check(t.prints('MainProcess') == ['1 200000 Ellipsis', 'from the child', 'job', 'closed'],
          'what MainProcess printed: %s' % t.prints('MainProcess'))


def joinable_pills(t, method):
    check(t.objects['jobs']['kind'] == 'joinable_queue', 'a JoinableQueue named jobs')
    dones = t.ops('task_done', obj='jobs')
    check(len(dones) == 6 and dones[-1]['args']['unfinished'] == 0, 'six task_done, none left')
    joins = t.ops('queue_join', 'MainProcess', 'jobs')
    check(joins and joins[0]['ts'] >= dones[-1]['ts'], 'join returns after the last task_done')
    check(sorted(t.prints('Process-1') + t.prints('Process-2')) ==
          ['handled a', 'handled b', 'handled c', 'handled d'], 'every job handled once')


def pipe_both_ways(t, method):
    check(t.objects['here, there']['kind'] == 'pipe', 'the pipe is named after its ends')
    sends, recvs = t.ops('send', obj='here, there'), t.ops('recv', obj='here, there')
    check([(t.who(e), e['args']['end'], e['args']['item']) for e in sends] ==
          [('MainProcess', 0, "'ping'"), ('Process-1', 1, "'PING'"), ('Process-1', 1, "'bye'")],
          'sends: %s' % sends)
    check([(t.who(e), e['args']['end']) for e in recvs] ==
          [('Process-1', 1), ('MainProcess', 0), ('MainProcess', 0)], 'recvs: %s' % recvs)
    for s, r in zip(sends, recvs):
        check(s['ts'] <= r['ts'] and s['args']['item'] == r['args']['item'], 'send before recv')


def pool_tasks(t, method):
    kind = {'fork': 'ForkPoolWorker', 'spawn': 'SpawnPoolWorker',
            'forkserver': 'ForkServerPoolWorker'}[method]
    check(children(t) == ['%s-1' % kind, '%s-2' % kind], 'lanes: %s' % children(t))
    check(t.objects['workers'] == {'name': 'workers', 'kind': 'pool', 'capacity': 2}, 'Pool(2)')
    submits = {e['args']['task']: e for e in t.ops('submit', 'MainProcess', 'workers')}
    starts = {e['args']['task']: e for e in t.ops('task_start', obj='workers')}
    ends = {e['args']['task']: e for e in t.ops('task_end', obj='workers')}
    calls = sorted(e['args']['call'] for e in submits.values())
    check(calls == ['cube(1)', 'cube(2)', 'cube(3)', 'cube(4)', 'cube(5)', 'cube(6)', 'slow(2.0)'],
          'submitted: %s' % calls)
    for task, end in ends.items():
        check(submits[task]['ts'] <= starts[task]['ts'] <= end['ts'], 'task %s in order' % task)
    results = sorted(e['args']['result'] for e in ends.values())
    check(results == ['1', '125', '216', '27', '64', '8'], 'results: %s' % results)
    gets = t.ops('get', 'MainProcess', 'workers')
    check([g['args'].get('failed', False) for g in gets][-1], 'get(timeout) timed out')


def shared_numbers(t, method):
    check(sorted(t.objects) == ['ratio', 'safe', 'safe.lock', 'scores', 'unsafe'],
          'named as the program names them: %s' % sorted(t.objects))
    check(t.objects['safe']['kind'] == 'value' and t.objects['scores']['kind'] == 'array',
          'objects: %s' % sorted(t.objects))
    check(t.ops('write', obj='safe')[-1]['args']['value'] == 9, 'nine increments under the lock')
    check(holders_never_exceed(t, 'safe.lock', 1) == 1, "get_lock() is safe's lock")
    check(len(t.ops('acquire', obj='safe.lock')) == 9, 'each increment took the lock')
    writes = sorted((e['args']['index'], e['args']['value']) for e in t.ops('write', obj='scores'))
    check(writes == [(0, 0), (1, 10), (2, 20)], 'array writes: %s' % writes)
    check(len(t.ops('write', obj='unsafe')) == 1 + 9, 'unsafe: initial write and nine more')
    check(t.prints('MainProcess') == ['safe: 9 scores: [0, 10, 20] ratio: 1.5'], 'prints')


def raw_fork(t, method):
    check(children(t) == ['Fork-1'], 'the os.fork() child is a lane: %s' % children(t))
    check(t.processes['Fork-1']['ppid'] == t.processes['MainProcess']['pid'], 'its parent')
    check(t.exitcode('Fork-1') == 7, 'os._exit(7): %s' % t.exitcode('Fork-1'))
    check(t.prints('Fork-1') == ['child says hi'], 'the child prints on its own lane')


def join_deadlock(t, method):
    check(t.outcome == 'deadlock', 'outcome %s' % t.outcome)
    d = t.deadlock()
    check(d and d[0]['args']['names'] == ['MainProcess', 'Process-1'],
          'cycle: %s' % (d and d[0]['args']))
    flush = [s for s in t.ops('blocked', 'Process-1', slices=True) if s['args']['op'] == 'flush']
    check(flush and flush[0]['args'].get('value') == 1000009,
          'flush with the unwritten bytes: %s' % (flush and flush[0]['args']))
    # At exit the child is on no line of the program: not on the parent's start() line that
    # a forked child's stack still holds below its bootstrap.
    check(flush and 'line' not in flush[0]['args'], 'the flush has no line: %s' % flush)


def lost_update(t, method):
    check(t.prints('MainProcess') == ['counter: 1'], 'round-robin loses an update')


def manager_list(t, method):
    check(children(t) == ['Process-2', 'Process-3', 'Process-4', 'SyncManager-1'],
          'the manager is a lane of its own: %s' % children(t))
    check(list(t.objects) == ['done_here, done_there'],
          "the manager's own start-up pipe is not a card: %s" % list(t.objects))
    check(all(e['args'].get('object') == 'done_here, done_there'
              for e in t.ops('send') + t.ops('recv')), 'only our pipe carries messages')
    check(len(t.ops('send')) == 3 and len(t.ops('recv')) == 3, 'three replies')
    check(t.prints('MainProcess') == ['squares: [0, 1, 4]'], 'every square arrived')


EXPECTED_EXIT = {'join_deadlock': 3}
EXTRA_ARGS = {'lost_update': ['--schedule', 'round-robin']}


def chinese_prints(t, method):
    check('工人' in t.processes, 'the worker keeps its Chinese name: %s' % list(t.processes))
    check(t.prints('工人') == ['工人进程开始', '工人进程结束'],
          'the worker\'s lines arrive whole: %s' % t.prints('工人'))
    check(t.prints('MainProcess') == ['主进程等待工人'], 'the parent\'s line arrives whole')


def interleaving(t):
    return [(t.who(e), e['name'], e['args'].get('object'), e['args'].get('value'))
            for e in t.ops() if e['name'] not in ('start', 'exit', 'join')]


# --- running ----------------------------------------------------------------------------

def run(mpviz, program, method, trace_path):
    args = [mpviz, 'run', os.path.join(PROGRAMS, program + '.py'), '--start-method', method,
            '--timeout', '60', '--quiet', '--trace', trace_path] + EXTRA_ARGS.get(program, [])
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = proc.communicate(timeout=120)[0].decode(errors='replace')
    expected = EXPECTED_EXIT.get(program, 0)
    check(proc.returncode == expected,
          'mpviz run exited %d, expected %d:\n%s' % (proc.returncode, expected, output))
    left = leftovers(proc.pid)
    check(not left, 'left behind: %s' % left)
    return Trace(trace_path)


def main():
    mpviz, program, method = sys.argv[1:4]
    with tempfile.TemporaryDirectory() as tmp:
        t = run(mpviz, program, method, os.path.join(tmp, 'trace.json'))
        check('MainProcess' in t.processes, 'MainProcess said hello')
        globals()[program](t, method)
        if program == 'lost_update':  # a schedule reproduces the same interleaving
            again = run(mpviz, program, method, os.path.join(tmp, 'again.json'))
            check(interleaving(again) == interleaving(t), 'the replay differs')
    print('ok: %s under %s' % (program, method))


if __name__ == '__main__':
    run_main(main)
