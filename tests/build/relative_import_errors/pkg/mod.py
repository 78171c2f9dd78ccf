# pkg.mod: relative imports that go above the top-level package, or find nothing
try:
    from .. import x
except ImportError as e:
    print("mod level 2:", type(e).__name__, e, e.name, e.path)
try:
    from ...deep import y
except ImportError as e:
    print("mod level 3:", type(e).__name__, e)
try:
    from . import missing_sub
except ImportError as e:
    print("mod level 1 missing:", type(e).__name__, str(e).split(" (")[0], e.name)
