# a with item whose type has no __enter__: CPython 3.11 reports the whole with statement
# (several lines here, so no caret marks); an instance attribute does not count
class C:
    pass

def use(x):
    x.__enter__ = lambda: x
    x.__exit__ = lambda *a: None
    with open(__file__) as f, \
         x as y:
        print("never")

use(C())
