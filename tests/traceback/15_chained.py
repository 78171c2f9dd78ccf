# an exception raised while handling another
def load(d, k):
    try:
        return d[k]
    except KeyError:
        raise RuntimeError("lookup failed") from None
def load2(d, k):
    try:
        return d[k]
    except KeyError as e:
        return 1 / 0
try:
    load({}, "a")
except RuntimeError as e:
    print("caught", e)
load2({}, "b")
