# Unboxed list storage must never be chosen for a list that some code other than the typed
# accesses may read: every use below (methods, operators, builtins, containers, aliasing
# with a boxed list, generic callers) must keep the list boxed, and all results must be
# CPython's.


def inplace(n):
    v = [1.5] * n
    v[0] += 2.0
    v[1] *= 3.0
    return v[0], v[1]


def methods(n):
    v = [0.5] * n
    v.append(2.5)
    v.insert(0, 9.5)
    v.sort()
    w = v.copy()
    v.reverse()
    return v.index(2.5), v.count(0.5), w[0], v.pop(), len(v)


def operators(n):
    a = [True] * n
    b = [False] * n
    c = a + b
    d = a * 2
    return len(c), len(d), a == b, a < b, True in a, a is b, c[-1], d[0]


def builtins_read(n):
    v = [0.25] * n
    v[1] = 4.0
    return (sum(v), max(v), min(v), sorted(v)[-1], list(reversed(v))[0], str(v),
            bool(v), any(v), all(v), tuple(v)[1], [*v][1], v[1:], isinstance(v, list))


def slices(n):
    v = [0] * n
    for i in range(n):
        v[i] = i % 4
    w = v[::-1]
    v[1:3] = [3, 3]
    del v[0]
    return w, v


def in_containers(n):
    v = [1.0] * n
    t = (v, 2)
    d = {"k": v}
    m = [v, v]
    v[0] = 7.0
    return t[0][0], d["k"][0], m[1][0]


def aliasing(n, flag):
    a = [1.0] * n
    b = [2.0, 3.0, 4.0]
    c = a if flag else b
    c[0] = 5.0
    return a[0], b[0], c[0]


def iterate(n):
    v = [0.5] * n
    v[2] = 1.5
    t = 0.0
    for x in v:
        t += x
    z = 0.0
    for x, y in zip(v, v):
        z += x * y
    return t, z


def give(v):
    return v


def through_generic(n):
    v = [True] * n
    g = give
    w = g(v)
    w[0] = False
    return v[0], v[1]


class Box:
    def __init__(self, items):
        self.items = items


def in_attribute(n):
    v = [2.5] * n
    b = Box(v)
    b.items[0] = 1.0
    return v[0], b.items[1]


def truthiness(n):
    v = [0] * n
    if v:
        return "nonempty", v[0]
    return "empty", len(v)


def main():
    print(inplace(3))
    print(methods(3))
    print(operators(2))
    print(builtins_read(3))
    print(slices(6))
    print(in_containers(2))
    print(aliasing(2, True), aliasing(2, False))
    print(iterate(4))
    print(through_generic(2))
    print(in_attribute(2))
    print(truthiness(3), truthiness(0))


main()
