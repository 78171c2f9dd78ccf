def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out

def naturals():
    n = 0
    while True:
        yield n
        n += 1

def squares(it):
    for x in it:
        yield x * x

def evens(it):
    return (x for x in it if x % 2 == 0)

print(take(5, squares(evens(naturals()))))

def chain(*its):
    for it in its:
        yield from it

print(list(chain([1, 2], "ab", range(3), (x for x in [9]))))

def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))

def depth(n):
    if n == 0:
        return 0
    r = yield from depth(n - 1)
    yield n
    return r + n
g = depth(4)
print(list(g))
def total():
    t = yield from depth(5)
    yield "total %d" % t
print(list(total()))

def gen_with_finally(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("fin")
log = []
for v in gen_with_finally(log):
    log.append(v)
print(log)

def validating(xs):
    for x in xs:
        if x < 0:
            raise ValueError("negative: %d" % x)
        yield x
try:
    print(sum(validating([1, 2, -3, 4])))
except ValueError as e:
    print("error", e)

def accumulate():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
acc = accumulate()
next(acc)
for v in [1, 2, 3]:
    print("running", acc.send(v))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)

def unpacker():
    a, b = yield
    print("unpacked", a, b)
    yield a + b
u = unpacker()
next(u)
print(u.send((3, 4)))

def gen_in_gen():
    def inner(k):
        for i in range(k):
            yield i
    for k in range(4):
        yield sum(inner(k))
print(list(gen_in_gen()))

words = ["apple", "Banana", "cherry", "date"]
print(any(w.startswith("B") for w in words), all(len(w) > 3 for w in words))
print(" ".join(w.upper() for w in words if "a" in w))
print(dict((w[0], len(w)) for w in words))
print(set(len(w) for w in words) == {4, 5, 6})
print(tuple(i for i in range(5) if i % 2), min(x % 7 for x in range(20, 30)))
print(sorted(w.lower() for w in words)[::-1])
gen = (i * i for i in range(3))
print(next(gen), list(gen), list(gen))

def stop_early():
    yield 1
    return
    yield 2
print(list(stop_early()))

def pep479_next():
    it = iter([])
    yield next(it)
try:
    list(pep479_next())
except RuntimeError as e:
    print("RuntimeError:", e)

def interleave(a, b):
    ia, ib = iter(a), iter(b)
    while True:
        try:
            yield next(ia)
            yield next(ib)
        except StopIteration:
            return
print(list(interleave([1, 2, 3], "xy")))
