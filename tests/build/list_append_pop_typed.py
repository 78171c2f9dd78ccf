# x.append(v) and x.pop() on exact lists in typed code: the inline append and a direct
# rt_list_pop; behaviour as CPython's (order, IndexError, aliasing, element types).


class Stack:
    def __init__(self):
        self.items = []
        self.popped = 0

    def push(self, v):
        self.items.append(v)

    def take(self):
        self.popped += 1
        return self.items.pop()


def fill(n):
    out = []
    for i in range(n):
        out.append(i * i)
        if i % 3 == 2:
            out.append(-i)
    return out


def drain(xs):
    total = 0
    while xs:
        total += xs.pop()
    return total


def mixed():
    xs = [1]
    xs.append(2.5)
    xs.append("s")
    xs.append(None)
    xs.append([1, 2])
    a = xs.pop()
    b = xs.pop()
    return xs, a, b


def alias():
    a = []
    b = a
    for i in range(40):
        a.append(i)
    for i in range(35):
        b.pop()
    return a, len(b)


xs = fill(20)
print(xs, len(xs))
print(drain(xs), xs)
print(mixed())
print(alias())
s = Stack()
for i in range(100):
    s.push(i)
print(s.take(), s.take(), len(s.items), s.popped)
while s.items:
    s.take()
print(s.items, s.popped)
try:
    s.take()
except IndexError as e:
    print("IndexError", e, s.popped)
s.items = [7, 8]
print(s.take())


class Fake:
    def __init__(self):
        self.log = []

    def append(self, v):
        self.log.append(("append", v))

    def pop(self):
        return "fake pop"


s.items = Fake()
s.push(3)
print(s.take(), s.items.log)


def empty():
    q = []
    q.append(1)
    q.pop()
    return q.pop()


empty()
