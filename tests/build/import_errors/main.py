# failing imports: ModuleNotFoundError/ImportError carry name, msg and path as importlib sets them
import os

def short(p):
    return p if p is None else os.path.basename(p)

for attempt in range(5):
    try:
        if attempt == 0:
            import no_such_mod
        elif attempt == 1:
            import plain.sub
        elif attempt == 2:
            import pkg.missing.deeper
        elif attempt == 3:
            from plain import nothing_here
        else:
            from pkg import nope
    except ImportError as e:
        print(type(e).__name__, "|", e.name, "|", short(e.path), "|", e.args[0] == e.msg,
              "|", e.msg.split(" (")[0])
try:
    import no_such_mod as alias
except ModuleNotFoundError as e:
    print(repr(e), e.name)
print("alias" in globals(), "no_such_mod" in globals())
