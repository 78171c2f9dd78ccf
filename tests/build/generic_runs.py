# Functions whose generic version does run (typed tier: funcs.c must notice every way a
# function object reaches code the inference does not follow), while typed callers use
# clones of the same functions.  The lists and attributes the generic versions touch must
# not keep the types the clones saw.
class V:
    def __init__(self, x):
        self.x = x


def make():
    vs = [V(1.0), V(2.0)]
    return vs


def make2():
    return [V(3.0)]


def make3():
    return [V(4.0)]


def make4():
    return [V(5.0)]


def make5():
    return [V(6.0)]


def total(vs):
    s = 0.0
    for v in vs:
        s += v.x
    return s


def poison(vs):
    vs.append(V("str"))
    vs[0].x = "s"
    return vs


def apply(f):
    return f()


class Holder:
    pass


class Table:
    fn = make5


def main():
    vs = make()
    print(total(vs))
    table = {"make": make, "poison": poison}
    other = table["make"]()
    table["poison"](other)
    print([v.x for v in other])
    try:
        print(total(other))
    except TypeError as e:
        print("TypeError", e)
    print(total(vs) if isinstance(vs[0].x, float) else vs[0].x)
    got = apply(make2)
    got.append("text")
    print(len(got), got[1])
    h = Holder()
    h.f = make3
    lst = h.f()
    lst.append(7)
    print(lst[-1], total(make3()))
    m4 = sorted([make4, make4], key=id)[0]()
    m4.insert(0, None)
    print(m4[0], total(make4()))
    m5 = Table.fn()
    m5.append(2.5)
    print(m5[1], total(make5()))
    print(total(make()))


main()
