# Fixed layouts: float slots unboxed, other kinds as Values, a subclass extends its base's
# layout (same slot indexes); no D109 for slot accesses.


class Particle:
    def __init__(self, x, v, name):
        self.x = x
        self.v = v
        self.name = name
        self.hits = 0
        self.owner = None

    def step(self, dt):
        self.x += self.v * dt
        self.hits += 1


class Charged(Particle):
    def __init__(self, x, v, q):
        self.x = x
        self.v = v
        self.name = "charged"
        self.hits = 0
        self.owner = None
        self.q = q

    def force(self, e):
        return self.q * e


def simulate(n):
    p = Particle(0.0, 1.5, "p")
    c = Charged(1.0, -0.5, 2.0)
    f = 0.0
    for i in range(n):
        p.step(0.1)
        c.step(0.1)
        f += c.force(p.x)
    return p.x, c.x, f, p.hits, c.name


print(simulate(100))
