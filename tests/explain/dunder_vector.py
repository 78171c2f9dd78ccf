# Operator dunders of exact instances: `a + b`, `k * v` (__rmul__ = __mul__), `-v` are direct
# calls of the dunders' clones, so the attributes stay float and the generic versions never run.


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z


def step(p, v, dt):
    q = p + dt * v
    return -q + p * 2.0


def main():
    p = Vector(1.0, 2.0, 3.0)
    v = Vector(0.5, 0.25, -1.0)
    for i in range(3):
        p = step(p, v, 0.1)
    print(round(p.dot(p), 6))


main()
