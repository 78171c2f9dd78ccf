# list()/tuple()/extend/slice assignment/star-unpacking of list and tuple subclasses: a
# subclass with its own __iter__ is iterated (CPython copies items directly only from exact
# lists and tuples); one without keeps the direct copy.
class Rev(list):
    def __iter__(self):
        return iter(reversed(range(len(self))))


r = Rev([7, 8, 9])
print(list(r))
print([x for x in r])
print(tuple(r))
print(sorted(r))
x = []
x.extend(r)
print(x)
print(set(r), sum(r), min(r), max(r))
print(list(r[:]), r[:])
a, b, c = r
print(a, b, c)
print(*r)


class Plain(list):
    pass


class RevT(tuple):
    def __iter__(self):
        return iter(["t" + str(x) for x in tuple.__iter__(self)][::-1])


p = Plain([1, 2, 3])
print(list(p), tuple(p), sorted(p, reverse=True))
p.extend(p)
print(p)
r.extend(r)
print(list.__repr__(r), len(r))
y = [0, 0, 0, 0]
y[1:3] = Rev([5, 6])
print(y)
y[::2] = Rev(["a", "b"])
print(y)
t = RevT((1, 2, 3))
print(list(t), tuple(t), [*t], t)
z = [9]
z.extend(t)
z += Rev([4])
print(z)
z[:0] = t
print(z)
