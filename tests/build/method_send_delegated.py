# `yield from` an object of a plain class: the runtime calls its send/throw (gen.c), so those
# methods stay open (their generic versions run) and every value they see is handled.
class Echo:
    def __init__(self):
        self.n = 0
        self.log = []

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration(self.n)
        return self.n

    def send(self, value):
        self.log.append(value)
        return self.__next__()

    def throw(self, typ, val=None, tb=None):
        self.log.append("threw")
        raise StopIteration("done after throw")


def outer(src):
    result = yield from src
    return result


def main():
    e = Echo()
    g = outer(e)
    print(next(g), g.send("a"), g.send("b"))
    try:
        g.send("c")
    except StopIteration as s:
        print("returned", s.value)
    print(e.log, e.n)
    e2 = Echo()
    g2 = outer(e2)
    print(next(g2))
    try:
        g2.throw(ValueError("v"))
    except StopIteration as s:
        print("returned", s.value)
    print(e2.log)
    try:
        e.send(99)
    except StopIteration as s:
        print("StopIteration", s.value, e.log)


main()
