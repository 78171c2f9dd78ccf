# A function called from a generator body (which stays generic) runs its generic version;
# explain must not claim it never runs, and its stores must count.
class V:
    def __init__(self, x):
        self.x = x


def make(x):
    v = V(x)
    v.tag = "made"
    return [v]


def gen(n):
    for i in range(n):
        yield make(i * 1.5)


def total(vs):
    s = 0.0
    for v in vs:
        s += v.x
    return s


def main():
    print(total(make(2.0)))
    for lst in gen(3):
        print(lst[0].x, lst[0].tag, total(lst))


main()
