#!/usr/bin/env python3
"""`mpviz run PROGRAM.py` on what cannot run as it is: exit 2 and a sentence saying what to
do; a program that never ends stops at --timeout with exit 4; and --convert-python2 runs a
converted copy without touching the user's file, or says why lib2to3 could not convert it.

usage: run_usage_test.py MPVIZ
"""
import hashlib
import os
import subprocess
import sys
import tempfile

from harness import check, leftovers, run_main

HERE = os.path.dirname(os.path.abspath(__file__))
USAGE = os.path.join(HERE, 'usage')
PROGRAMS = os.path.join(HERE, 'programs')


def run(mpviz, *args):
    p = subprocess.Popen([mpviz, 'run'] + list(args), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    out, err = p.communicate(timeout=120)
    left = leftovers(p.pid)
    check(not left, 'left behind: %s' % left)
    return p.returncode, out.decode(), err.decode()


def refused(mpviz, args, *phrases):
    code, out, err = run(mpviz, *args)
    check(code == 2, 'exit %d for %s:\n%s%s' % (code, args, out, err))
    for phrase in phrases:
        check(phrase in err, '%r not in the message for %s: %s' % (phrase, args, err))


def main():
    mpviz = sys.argv[1]
    py2 = os.path.join(USAGE, 'python2_prints.py')
    refused(mpviz, [os.path.join(USAGE, 'missing.py')], 'no such program', 'missing.py')
    refused(mpviz, [py2], 'Python 2 print statement at line 7', '--convert-python2')
    refused(mpviz, [os.path.join(USAGE, 'fullwidth_comma.py')], 'line 2',
            'U+FF0C FULLWIDTH COMMA')
    lock = os.path.join(PROGRAMS, 'lock_prints.py')
    refused(mpviz, [lock, '--python', '/nonexistent/python3'], 'cannot run the Python',
            '--python PATH')
    with tempfile.TemporaryDirectory() as tmp:
        old = os.path.join(tmp, 'python')
        with open(old, 'w') as f:
            f.write('#!/bin/sh\necho 2 7\n')
        os.chmod(old, 0o755)
        refused(mpviz, [lock, '--python', old], 'Python 2.7', '3.8 or newer')
    refused(mpviz, [lock, '--start-method', 'threads'], 'fork, spawn or forkserver')

    code, out, err = run(mpviz, os.path.join(USAGE, 'never_ends.py'), '--timeout', '2')
    check(code == 4 and 'outcome: timeout' in out, 'a program that never ends: exit %d\n%s%s'
          % (code, out, err))

    before = hashlib.sha256(open(py2, 'rb').read()).hexdigest()
    code, out, err = run(mpviz, py2, '--convert-python2')
    check(code == 0, 'converted run exited %d:\n%s%s' % (code, out, err))
    check('counted 0' in out and 'counted 1' in out, out)
    check(hashlib.sha256(open(py2, 'rb').read()).hexdigest() == before, 'the file changed')
    check(not [n for n in os.listdir(USAGE) if n.endswith('.bak')], 'a backup was written')
    # lib2to3 reading no further is the program's fault: bad input, named with its line.
    unreadable = os.path.join(USAGE, 'python2_unreadable.py')
    refused(mpviz, [unreadable, '--convert-python2'], 'lib2to3 cannot convert',
            'python2_unreadable.py', 'line 7')
    print('ok')


if __name__ == '__main__':
    run_main(main)
