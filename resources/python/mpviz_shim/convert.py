# `python -m mpviz_shim.convert FILE`: what lib2to3 would make of a Python 2 program, for
# the window to show before it runs the converted copy. Prints one JSON object:
# {"converted": text, "diff": unified diff} or {"error": sentence}. FILE is only read.
# The fixers are those `python3 -m lib2to3` applies by default (the explicit ones stay
# off), so this is the conversion the engine runs with --convert-python2.
import difflib
import json
import sys
import tokenize
import warnings


def convert(path):
    warnings.simplefilter('ignore', DeprecationWarning)  # lib2to3 says it is deprecated
    try:
        from lib2to3 import refactor
    except ImportError:
        return {'error': 'lib2to3 is not installed (on Debian: apt install python3-lib2to3)'}
    try:
        with tokenize.open(path) as f:
            source = f.read()
    except (OSError, SyntaxError) as e:
        return {'error': 'cannot read %s: %s' % (path, e)}
    tool = refactor.RefactoringTool(refactor.get_fixers_from_package('lib2to3.fixes'))
    try:
        tree = tool.refactor_string(source if source.endswith('\n') else source + '\n', path)
    except Exception as e:  # lib2to3 raises its own ParseError and friends
        return {'error': 'lib2to3 cannot convert %s: %s' % (path, e)}
    converted = str(tree)
    diff = difflib.unified_diff(source.splitlines(True), converted.splitlines(True),
                                path, path + ' (converted)')
    return {'converted': converted, 'diff': ''.join(diff)}


if __name__ == '__main__':
    sys.stdout.write(json.dumps(convert(sys.argv[1])) + '\n')
