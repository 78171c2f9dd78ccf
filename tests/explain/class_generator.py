# A class called inside generators.  gen's generator is consumed only by a for loop: its body
# is a typed copy, where P("str") is a direct call.  gen2's generator is passed to next(): its
# body stays generic, so __init__'s generic version runs and explain must not claim it never
# runs.
class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


def gen():
    yield P("str")


def gen2():
    yield P(2)


def main():
    p = P(1.5)
    print(p.x + 1.0)
    for q in gen():
        print(q.x)
    g = gen2()
    print(next(g).x)


main()
