# Slot guards (src/infer/slotguard.c) with receivers loaded inside a run (self.a.x), more
# receivers than one guard chain takes, and all receivers the same instance.
class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Seg:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def length2(self):
        dx = self.b.x - self.a.x      # receivers loaded inside the run
        dy = self.b.y - self.a.y
        self.a.x += 0.5
        return dx * dx + dy * dy


def many(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9):
    p0.x += p1.x + p2.x + p3.x + p4.x + p5.x + p6.x + p7.x + p8.x + p9.x
    p9.y -= p0.x * p1.y
    return p0.x, p9.y


def main():
    s = Seg(Pt(0.0, 0.0), Pt(3.0, 4.0))
    for _ in range(3):
        print(s.length2())
    ps = [Pt(float(i), float(-i)) for i in range(10)]
    for _ in range(3):
        print(many(ps[0], ps[1], ps[2], ps[3], ps[4], ps[5], ps[6], ps[7], ps[8], ps[9]))
    q = ps[3]
    print(many(q, q, q, q, q, q, q, q, q, q))


main()
