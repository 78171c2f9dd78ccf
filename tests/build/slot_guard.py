# Straight-line runs of slot accesses run behind one test of the receivers' slot bits
# (src/infer/slotguard.c); when the test fails (a slot never set, a materialised instance)
# the checked accesses run: AttributeError at the same access, values from the dict.


class V:
    def __init__(self, x, y, full):
        self.x = x
        if full:
            self.y = y
        self.n = 0

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def step(self, o, dt):
        self.x += dt * o.x
        self.y += dt * o.y
        self.n += 1
        return self.x - self.y


class W(V):
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.n = 0
        self.w = 2.5


def poke(objs):
    for o in objs:
        try:
            o.extra = "added"     # a name without a slot: the instance is materialised
        except AttributeError as e:
            print("AttributeError:", e)


def scale(v, k):
    v.x = v.x * k
    v.y = v.y / k             # ZeroDivisionError after x was stored
    return v.x + v.y


def both(a, b):
    a.x, b.x = b.x + 1.0, a.x * 2.0
    a.y -= b.y
    return a.x + b.x + a.y


def reset(v, k):
    v.x = k                   # stores only: the guard asks for no slot, only no dict
    v.y = k + 1.0
    v.n = 7


def show(v):
    return (round(v.x, 6), round(v.y, 6), v.n)


def run():
    a = V(1.0, 2.0, True)
    b = V(0.5, -1.0, True)
    for _ in range(3):
        a.step(b, 0.25)
    print(show(a), a.norm2())
    print(both(a, b), show(a), show(b))
    print(both(a, a), show(a))          # the same instance twice
    h = V(3.0, 4.0, False)               # y never set
    try:
        print(h.norm2())
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        h.step(a, 1.0)
    except AttributeError as e:
        print("AttributeError:", e, round(h.x, 6), h.n)
    h.y = 0.5
    print(h.norm2(), h.step(a, 0.5), show(h))
    poke([a, "not an instance"])
    print(a.extra, show(a), a.norm2(), a.step(b, 2.0), show(a))
    del b.y                              # materialised, y gone
    try:
        a.step(b, 1.0)
    except AttributeError as e:
        print("AttributeError:", e, show(a))
    w = W(1.5, 2.5)
    print(w.norm2(), w.step(w, 0.5), show(w), w.w)
    for v in [a, w, h]:
        print(v.norm2())
    try:
        scale(w, 0.0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e, show(w))
    print(scale(w, 2.0), show(w))
    reset(w, 4.0)
    reset(a, 5.0)                        # materialised: the stores go to its dict
    print(show(w), show(a), a.extra, a.norm2())
    fresh = V(1.0, 0.0, False)
    reset(fresh, -1.0)                   # y was never set: the store sets it
    print(show(fresh), fresh.norm2())
    t = 0.0
    vs = [V(float(i), float(-i), True) for i in range(5)]
    for _ in range(100):
        for v in vs:
            v.x += 0.01 * v.y
            v.y -= 0.01 * v.x
            t += v.x * v.y
    print(round(t, 6), [show(v) for v in vs])


run()
