# Values of dicts followed like list items (typed tier, elems.c): d[k] = v joins v into the
# dict's values and d[k] reads them while every use of the dict is one inference follows.
# The edge cases: KeyError, dicts that escape (methods, generic code, iteration), values of
# several kinds, subclass instances, None, ints crossing 2**63, floats, lists as values.
class Node:
    def __init__(self, name, weight):
        self.name = name
        self.weight = weight
        self.inbox = []

    def take(self, item):
        self.inbox.append(item)


class Heavy(Node):
    def __init__(self, name):
        super().__init__(name, 1000)


class Registry:
    def __init__(self):
        self.by_name = {}
        self.count = 0

    def add(self, node):
        self.by_name[node.name] = node
        self.count += 1
        return node

    def send(self, name, item):
        self.by_name[name].take(item)

    def weight(self, name):
        return self.by_name[name].weight


def scores():
    d = {"a": 1, "b": 2}
    d["c"] = 3
    total = 0
    for k in ("a", "b", "c"):
        total += d[k] * 2
    return total, len(d)


def floats():
    d = {}
    d[1] = 1.5
    d[2] = 2.25
    return d[1] * d[2] + 0.5


def big():
    d = {}
    d["x"] = 2 ** 62
    d["y"] = d["x"] + d["x"]
    d["z"] = d["y"] * 2
    return d["y"], d["z"], d["z"] > 2 ** 63


def lists():
    d = {}
    d["xs"] = [1, 2, 3]
    d["xs"].append(4)
    d["ys"] = []
    d["ys"].append(1.5)
    return d["xs"], sum(d["xs"]), d["ys"]


def mutate(d):
    d["k"] = "a string"


def escapes():
    d = {"k": 1}
    mutate(d)
    return d["k"]


def through_method():
    d = {"k": 1}
    d.update({"k": "other"})
    return d["k"], d.get("k"), d.get("missing", 0)


def iterated():
    d = {"a": 1, "b": 2}
    out = []
    for k in d:
        out.append(k)
    for v in d.values():
        out.append(v)
    return out


def missing(d, k):
    try:
        return d[k]
    except KeyError as e:
        return "KeyError " + repr(e.args[0])


def mixed():
    d = {}
    d[0] = 1
    d[1] = "one"
    d[2] = None
    d[3] = 1.5
    return [d[k] for k in range(4)]


def optional():
    d = {"n": None}
    d["m"] = Node("m", 3)
    out = []
    for k in ("n", "m"):
        v = d[k]
        out.append(None if v is None else v.weight)
    return out


def main():
    reg = Registry()
    reg.add(Node("a", 1))
    reg.add(Heavy("h"))
    reg.send("a", 10)
    reg.send("h", 20)
    reg.send("a", 30)
    print(reg.count, reg.weight("a"), reg.weight("h"))
    print(reg.by_name["a"].inbox, reg.by_name["h"].inbox)
    print(missing(reg.by_name, "zzz"))
    print(scores(), floats(), big())
    print(lists(), escapes(), through_method(), iterated())
    print(mixed(), optional())
    print(missing({1: 2}, 1), missing({}, (1, 2)))
    empty = {}
    print(len(empty), bool(empty), missing(empty, "x"))
    try:
        reg.send("nobody", 1)
    except KeyError as e:
        print("KeyError", e)
    reg.by_name["a"].weight = 2.5
    print(reg.weight("a") * 2)
    reg.send("b", 1)


main()
