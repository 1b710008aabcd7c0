# `python -m mpviz_shim.check FILE`: can this interpreter compile the program? Prints one
# JSON object: {"ok": true} or the syntax error's line, column, text and whether it looks
# like Python 2. Run by the engine before a session starts; the program is not executed.
import json
import sys

_PYTHON2 = (
    ("Missing parentheses in call to 'print'", 'Python 2 print statement'),
    ("Missing parentheses in call to 'exec'", 'Python 2 exec statement'),
    ('multiple exception types must be parenthesized', "Python 2 'except X, e:' clause"),
    ('leading zeros in decimal integer literals', 'Python 2 octal literal'),
)


def check(path):
    try:
        with open(path, 'rb') as f:
            source = f.read()
    except OSError as e:
        return {'ok': False, 'message': 'cannot read it: %s' % e.strerror, 'line': 0}
    try:
        compile(source, path, 'exec', dont_inherit=True)
    except SyntaxError as e:
        result = {'ok': False, 'message': e.msg, 'line': e.lineno or 0, 'column': e.offset or 0,
                  'text': (e.text or '').rstrip('\n'), 'python2': ''}
        for marker, what in _PYTHON2:
            if marker in e.msg:
                result['python2'] = what
        return result
    except ValueError as e:  # null bytes
        return {'ok': False, 'message': str(e), 'line': 0}
    return {'ok': True}


if __name__ == '__main__':
    sys.stdout.write(json.dumps(check(sys.argv[1])) + '\n')
