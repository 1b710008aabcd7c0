# What lib2to3 makes of a Python 2 program; the one conversion the window previews and the
# engine runs (--convert-python2). FILE is only read.
#   `python -m mpviz_shim.convert FILE`: prints one JSON object, {"converted": text,
#   "diff": unified diff} or {"error": sentence}, for the window to show before it runs.
#   `python -m mpviz_shim.convert FILE --write OUT`: writes the converted copy to OUT, or
#   prints the sentence and exits 1.
# The fixers are those `python3 -m lib2to3` applies by default (the explicit ones stay off).
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


def main(argv):
    result = convert(argv[1])
    if argv[2:3] != ['--write']:
        sys.stdout.write(json.dumps(result) + '\n')
        return 0
    if 'error' in result:
        sys.stdout.write(result['error'] + '\n')
        return 1
    # The copy keeps the original's encoding: its coding line, if any, still holds.
    with tokenize.open(argv[1]) as original:
        encoding = original.encoding
    with open(argv[3], 'w', encoding=encoding) as out:
        out.write(result['converted'])
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
