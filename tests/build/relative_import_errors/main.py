# relative imports that cannot resolve: the two ImportError messages of importlib
import pkg.mod
try:
    from . import something
except ImportError as e:
    print("main:", type(e).__name__, e, e.name)
