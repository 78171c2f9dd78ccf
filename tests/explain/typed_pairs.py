# nbody's shape: a list of instances made by a function only called directly (its generic
# version never runs), pairs as tuples (list[tuple[Body, Body]]), a slice of the list, and
# `from math import sqrt`: every operation of the loop in `advance` is typed (only the
# instance-dict accesses, D109, remain).
from math import sqrt


class Body:
    def __init__(self, x, vx, mass):
        self.x = x
        self.vx = vx
        self.mass = mass


def make():
    bodies = [Body(0.0, 0.0, 10.0), Body(1.0, 0.5, 1.0), Body(-2.0, -0.25, 2.0)]
    p = 0.0
    for b in bodies:
        p += b.vx * b.mass
    bodies[0].vx = -p / bodies[0].mass
    return bodies


def advance(bodies, pairs, dt):
    for a, b in pairs:
        dx = a.x - b.x
        mag = dt / (dx * dx * sqrt(dx * dx))
        a.vx -= dx * b.mass * mag
        b.vx += dx * a.mass * mag
    for body in bodies:
        body.x += dt * body.vx


def main():
    bodies = make()
    pairs = [(a, b) for i, a in enumerate(bodies) for b in bodies[i + 1:]]
    for _ in range(3):
        advance(bodies, pairs, 0.01)
    print([round(b.x, 9) for b in bodies])


main()
