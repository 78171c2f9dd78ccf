# Arithmetic dunders returning NotImplemented: the reflected dunder and the TypeError must
# follow CPython even when the operands are typed instances.
class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x)
        return NotImplemented
    def __radd__(self, o):
        return V(self.x + 1000.5)
    def __mul__(self, k):
        return V(self.x * k)

class W:
    def __init__(self, y):
        self.y = y
    def __add__(self, o):
        return NotImplemented
    def __sub__(self, o):
        return o - self.y

def h(a, b, w):
    c = a + b
    d = w + a
    e = a * 3
    f = 10 - w if False else w - 2
    return c.x + d.x + e.x + f

print(h(V(1.5), V(2.0), W(4)))
try:
    print(V(1) + 5)
except TypeError as ex:
    print(ex)
print(sum([V(1), V(2)], V(0)).x)
