# mpviz puts this directory first on PYTHONPATH for the programs it runs: install the shim,
# then run the sitecustomize this one hides (Debian's), so nothing else changes.
def _mpviz_install():
    import os
    from mpviz_shim.wire_constants import ENV_SOCKET
    if not os.environ.get(ENV_SOCKET):
        return
    try:
        from mpviz_shim import boot
        boot.install()
    except Exception:
        import sys
        import traceback
        sys.stderr.write('mpviz: the Python shim failed to load; this run is not recorded\n')
        traceback.print_exc()


def _run_hidden_sitecustomize():
    import importlib.machinery
    import importlib.util
    import os
    import sys
    here = os.path.dirname(os.path.abspath(__file__))
    rest = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
    spec = importlib.machinery.PathFinder.find_spec('sitecustomize', rest)
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)


_mpviz_install()
_run_hidden_sitecustomize()
del _mpviz_install, _run_hidden_sitecustomize
