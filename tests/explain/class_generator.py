# A class called inside a generator (whose body stays generic): its __init__'s generic
# version runs, so explain must not claim it never runs.
class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


def gen():
    yield P("str")


def main():
    p = P(1.5)
    print(p.x + 1.0)
    for q in gen():
        print(q.x)


main()
