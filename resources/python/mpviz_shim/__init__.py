"""mpviz's shim: makes an unmodified Python multiprocessing program report what it does to
the mpviz engine (loaded by the sitecustomize beside this package; see docs/python-programs.md)."""
