# `python -m mpviz_shim.check FILE`: can this interpreter compile the program? Prints one
# JSON object: {"ok": true} or the syntax error's line, column, text, the odd character in
# it (pasted prose) and whether it looks like Python 2; the engine words the sentence (in
# the window's language). Run before a session starts; the program is not executed.
import json
import sys
import unicodedata

_PYTHON2 = (
    ("Missing parentheses in call to 'print'", 'Python 2 print statement'),
    ("Missing parentheses in call to 'exec'", 'Python 2 exec statement'),
    ('multiple exception types must be parenthesized', "Python 2 'except X, e:' clause"),
    ('leading zeros in decimal integer literals', 'Python 2 octal literal'),
)


def _odd_character(line):
    """The first character of the line that Python code cannot contain outside a string,
    as pasted prose brings them (a full-width comma, a curly quote, a no-break space): its
    character, code point, Unicode name and column; None if there is none."""
    in_string = None
    for column, c in enumerate(line, 1):
        if in_string:
            if c == in_string:
                in_string = None
        elif c in '"\'':
            in_string = c
        elif c == '#':
            return None
        elif ord(c) > 127 and unicodedata.category(c)[0] in 'PSZ':
            return {'character': c, 'codepoint': '%04X' % ord(c),
                    'name': unicodedata.name(c, '?'), 'column': column}
    return None


def check(path):
    try:
        with open(path, 'rb') as f:
            source = f.read()
    except OSError as e:
        return {'ok': False, 'unreadable': e.strerror or str(e), 'line': 0}
    try:
        compile(source, path, 'exec', dont_inherit=True)
    except SyntaxError as e:
        result = {'ok': False, 'message': e.msg, 'line': e.lineno or 0, 'column': e.offset or 0,
                  'text': (e.text or '').rstrip('\n'), 'python2': ''}
        odd = _odd_character(result['text'])
        if odd:
            result['odd'] = odd
        # Shown alone under the sentence: its indentation would only push it off the edge.
        result['text'] = result['text'].strip()
        for marker, what in _PYTHON2:
            if marker in e.msg:
                result['python2'] = what
        return result
    except ValueError as e:  # null bytes
        return {'ok': False, 'message': str(e), 'line': 0}
    return {'ok': True}


if __name__ == '__main__':
    sys.stdout.write(json.dumps(check(sys.argv[1])) + '\n')
