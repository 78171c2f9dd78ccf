# Where instances are allocated (src/infer/escape.c): in the frame when nothing lets them out
# (slot reads and writes, `is`, direct calls whose parameter stays in), else on the heap with
# the first escape.


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def plus(self, o):
        return V(self.x + o.x, self.y + o.y)


class Hold:
    def __init__(self, v):
        self.v = v


saved = []


def keep(v):
    saved.append(v)
    return v.x


def main(n):
    s = 0.0
    for i in range(n):
        a = V(float(i), 1.0)
        b = V(2.0, float(i))
        s += a.dot(b) + (1.0 if a is b else 0.0)
        c = a.plus(b)
        s += c.x
        h = Hold(V(1.0, 2.0))
        s += h.v.y
        s += keep(V(3.0, 4.0))
    return s


print(main(100), len(saved))
