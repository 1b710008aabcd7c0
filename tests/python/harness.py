"""What the Python-program tests share: a check that fails with a sentence, and a main that
turns a failed check into exit status 1."""
import sys


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def run_main(main):
    try:
        main()
    except AssertionError as e:
        print('FAILED: %s' % e)
        sys.exit(1)
