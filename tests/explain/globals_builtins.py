# explain golden: module constants read by methods fold (no lookup, no D107), the class's own
# name inside its methods, abs/min/max/int inline on typed numbers, isinstance narrowing
from math import sqrt

EPS = 1e-9
DEPTH = 3
RATE = 0.5


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return sqrt(self.x * self.x + self.y * self.y)

    def scaled(self, k):
        return Vec(self.x * k * RATE, self.y * k)

    def small(self):
        return abs(self.x) < EPS and self.norm() < DEPTH


class Box:
    def __init__(self, w):
        self.w = w


def clamp(c):
    return min(255, max(0, int(c * 255.0)))


def width(o):
    if isinstance(o, Vec):
        return o.x
    return o.w


def main():
    v = Vec(3.0, 4.0)
    print(v.norm(), v.scaled(2.0).x, v.small(), clamp(0.5), clamp(7.0))
    shapes = [Vec(1.0, 2.0), Box(2.5)]
    print([width(s) for s in shapes])


main()
RATE = 1.0
main()
