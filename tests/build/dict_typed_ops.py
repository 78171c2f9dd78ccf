# Exact dicts in typed code: d.get(k) and d.get(k, default), d[k] (KeyError with the key),
# d[k] = v, truthiness of dicts and strs; keys whose __hash__/__eq__ are user code, unhashable
# keys (TypeError), a key equal to another of a different type.


class Key:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        Key.calls += 1
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v


def count(words):
    counts = {}
    for w in words:
        if w:
            counts[w] = counts.get(w, 0) + 1
    return counts


def lookups(d):
    out = []
    for k in [1, 1.0, True, "a", (1, 2), Key(3)]:
        out.append((d.get(k), d.get(k, "dflt")))
    try:
        out.append(d["missing"])
    except KeyError as e:
        out.append(("KeyError", e.args))
    try:
        d[[1]] = 2
    except TypeError as e:
        out.append(("TypeError", str(e)))
    try:
        out.append(d.get({}))
    except TypeError as e:
        out.append(("TypeError", str(e)))
    d[Key(3)] = "k3"
    out.append(d[Key(3)])
    return out


def truth(d, s):
    return (bool(d) if d else "empty", "yes" if s else "no")


print(count(["a", "b", "", "a", "c", "b", "a"]))
print(lookups({1: "one", "a": "A", (1, 2): "pair"}))
print(Key.calls >= 3, truth({}, ""), truth({1: 2}, "x"))
