"""Runs a test program under python3 with the bundled library (lib/) in place of CPython's
modules of the same names: lib/ goes first on sys.path and those modules are dropped from
sys.modules first.  Usage: python3 -I -S pyrun.py LIBDIR PROGRAM.  After the run, a module of
lib/ that came from elsewhere is reported on stderr (exit 3)."""
import importlib.machinery
import os
import runpy
import sys

lib = os.path.abspath(sys.argv[1])
prog = sys.argv[2]
names = set()
for f in os.listdir(lib):
    if f.endswith(".py"):
        names.add(f[:-3])
    elif os.path.isfile(os.path.join(lib, f, "__init__.py")):
        names.add(f)
# CPython's import system and runpy run on its own os, io and importlib: those stay CPython's
# (the aithon versions are checked compiled only)
names -= {"importlib", "io", "os"}
for n in list(sys.modules):
    if n.split(".")[0] in names:
        del sys.modules[n]
sys.path.insert(0, lib)


class LibFinder:
    """finds lib/'s modules before CPython's built-in and frozen ones (itertools, ...)"""
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.split(".")[0] not in names:
            return None
        return importlib.machinery.PathFinder.find_spec(name, [lib] if path is None else path)


sys.meta_path.insert(0, LibFinder)
sys.argv = [prog]
runpy.run_path(prog, run_name="__main__")
sys.stdout.flush()
bad = [n for n in names if n in sys.modules and not (getattr(sys.modules[n], "__file__", "") or "").startswith(lib)]
if bad:
    print("pyrun: not from lib/:", ", ".join(sorted(bad)), file=sys.stderr)
    sys.exit(3)
