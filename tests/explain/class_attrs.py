# Instance attribute types: floats stored by __init__, read typed by a method.
class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v

    def step(self, dt):
        self.x = self.x + self.v * dt
        return self.x


def main():
    p = Particle(0.0, 2.5)
    t = 0.0
    for i in range(10):
        t = p.step(0.1)
    print(t, p.v)


main()
