# Per-site global load caches: every way of rebinding, adding or removing a module global or
# a builtin after a site has cached it must be seen by the next load at that site.
import builtins
import sys

mod = sys.modules[__name__]
real_len = len


def read_x():
    try:
        return x
    except NameError as e:
        return "NameError: " + str(e)


def read_len():
    try:
        return len("abc")
    except NameError as e:
        return "NameError: " + str(e)
    except TypeError as e:
        return "TypeError: " + str(e)


def show(label, fn):
    # three loads at the same sites: the first may fill the cache, the others hit it
    print(f"{label:24}", [fn() for _ in range(3)])


show("unbound", read_x)
x = 1
show("module store", read_x)
globals()["x"] = 2
show("globals()[...] =", read_x)
mod.x = 3
show("module attribute", read_x)
setattr(mod, "x", 4)
show("setattr(module)", read_x)
mod.__dict__["x"] = 5
show("module __dict__[...] =", read_x)
globals().update(x=6)
show("update", read_x)
globals().update([("x", 7)])
show("update(pairs)", read_x)
del x
show("del", read_x)
print(globals().setdefault("x", 8))
show("setdefault", read_x)
print(globals().pop("x"))
show("pop", read_x)
exec_like = globals()
exec_like["x"] = 9
show("alias store", read_x)
del mod.x
show("delattr(module)", read_x)
mod.__dict__["x"] = 10
del mod.__dict__["x"]
show("__dict__ del", read_x)
globals()["x"] = 11
show("re-added", read_x)
# popitem removes the newest global: x after re-adding it
last = globals().popitem()
print("popitem", last)
show("popitem", read_x)

# builtins: shadowed by a global, rebound in the builtins module, deleted from it
show("builtin len", read_len)
len = lambda s: "global len"
show("global shadows", read_len)
del len
show("shadow removed", read_len)
builtins.len = lambda s: "builtins.len"
show("builtins.len =", read_len)
setattr(builtins, "len", lambda s: "setattr builtins")
show("setattr(builtins)", read_len)
builtins.__dict__["len"] = lambda s: "builtins dict"
show("builtins __dict__", read_len)
del builtins.len
show("del builtins.len", read_len)
builtins.len = real_len
show("restored", read_len)
vars(builtins)["len"] = 5
show("len = 5", read_len)
builtins.len = real_len
globals()["len"] = lambda s: "globals() shadow"
show("globals() shadow", read_len)


def clear_then(fn, sh, b):
    b.len = real_len
    globals().clear()
    sh("after clear", fn)


clear_then(read_len, show, builtins)
