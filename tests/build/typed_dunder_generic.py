# Operator dunders whose generic version runs after all: instances reaching generic operator
# sites (dict values, sum with a start, explicit v.__add__ calls)
# must see the same results as CPython, while the exact-instance sites call the clones.


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x)
        return V(self.x + o)

    def __neg__(self):
        return V(-self.x)


def typed(a, b):
    return (a + b).x * 2.0


print(typed(V(1.0), V(2.5)))
d = {"a": V(1.5), "b": V("s")}
print((d["a"] + d["a"]).x, (d["b"] + d["b"]).x, (-d["a"]).x)
print(sum([V(1.0), V(2.0)], V(0.5)).x)
print(V(3.0).__add__(V(4.0)).x, typed(V(0.5), V(0.25)))


class W:
    def __init__(self, w):
        self.w = w

    def __mul__(self, k):
        return W(self.w * k)

    def __rmul__(self, k):
        return W(k * self.w)


def scale(w):
    return (2 * w).w + (w * 3).w


print(scale(W(1.5)), scale(W(2)))
print((W("ab") * 2).w, (3 * W([1])).w)
