# setattr() is a dynamic escape: every attribute is dyn and no class is known.
class Point:
    def __init__(self, x):
        self.x = x

    def double(self):
        return self.x * 2.0


def main():
    p = Point(1.0)
    setattr(p, "x", 4.0)
    print(p.double())


main()
