# Generator, iterator, unpacking and sum() edges around the dyn tier's fast paths
# (gen.c rt_gen_next, codegen iter.next / unpack.seq inline, sum's unboxed accumulation).
import sys


# ---- generators: StopIteration inside, already executing, return values, close/throw ----
def g_stop():
    yield 1
    raise StopIteration("inner")


try:
    for v in g_stop():
        print("got", v)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__), "| context is cause:",
          e.__context__ is e.__cause__)


def g_next_empty():
    yield next(iter([]))


try:
    print(list(g_next_empty()))
except RuntimeError as e:
    print("RuntimeError:", e)


def g_self():
    yield next(me)


me = g_self()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
print("after already-executing, running:", me.gi_running, "frame None:", me.gi_frame is None)


def g_ret():
    yield 1
    yield 2
    return "done"


it = g_ret()
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
try:
    next(it)
except StopIteration as e:
    print("again:", e.value, e.args)
print("for over returning gen:", [x for x in g_ret()])
print("sum over returning gen:", sum(g_ret()))


def g_ret_none():
    yield 5
    return None


it = g_ret_none()
next(it)
try:
    next(it)
except StopIteration as e:
    print("None return args:", e.args, e.value)


def g_handler():
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield repr(sys.exc_info()[1])
    yield sys.exc_info()[0]


try:
    raise ValueError("outer")
except ValueError:
    gh = g_handler()
    print(next(gh), repr(sys.exc_info()[1]))
    print(next(gh), repr(sys.exc_info()[1]))
    print(next(gh), repr(sys.exc_info()[1]))
print("outside:", sys.exc_info())


def g_closing():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


c = g_closing()
print(next(c))
c.close()
print("after close:", list(c))
t = g_closing()
print(next(t))
try:
    t.throw(IndexError("thrown"))
except IndexError as e:
    print("throw propagated:", e)
print("after throw:", next(t, "exhausted"))


def g_raises():
    yield 1
    raise ZeroDivisionError("boom")


try:
    for v in g_raises():
        print("item", v)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def deep(n):
    if n:
        yield from deep(n - 1)
    else:
        yield "bottom"


print(list(deep(50)))


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def sum_gens(n):
    total = 0
    for a in count_up(n):
        for b in count_up(a):
            total += b
    return total


print(sum_gens(30))
sent = []


def echo():
    while True:
        x = yield
        sent.append(x)
        if x == 3:
            return "r"


e = echo()
next(e)
for k in range(1, 4):
    try:
        e.send(k)
    except StopIteration as s:
        print("send finished with", s.value)
print(sent)
try:
    g_ret().send(1)
except TypeError as err:
    print("TypeError:", err)

# ---- list iterators stepped inline ----
lst = [1, 2, 3]
out = []
for x in lst:
    out.append(x)
    if len(lst) < 6:
        lst.append(x * 10)
print(out)
lst = [1, 2, 3, 4]
out = []
for x in lst:
    out.append(x)
    if x == 2:
        lst.pop()
        lst.pop()
print(out)
li = iter([1])
print(next(li), next(li, "end"))
l2 = [9]
li = iter(l2)
print(list(li))
l2.append(10)
print("exhausted stays exhausted:", list(li))
print([y for y in [[1], [2]] for y in y])

# ---- zip / enumerate ----
print(list(zip([1, 2, 3], "ab")))
print(list(zip("abc", [1, 2, 3, 4], (7, 8, 9))))
print(list(zip()))
print(list(enumerate("xyz", 5)))
print(list(enumerate([1, 2], 2**70)))
print([i * v for i, v in enumerate([3, 4, 5])])


def bad_iter():
    yield 1
    raise OSError("in zip")


try:
    print(list(zip([1, 2, 3], bad_iter())))
except OSError as e:
    print("OSError:", e)
try:
    print(list(zip([1, 2], [3], strict=True)))
except ValueError as e:
    print("ValueError:", e)
try:
    print(list(zip([1], [3, 4], strict=True)))
except ValueError as e:
    print("ValueError:", e)
try:
    print(list(zip([1, 2], [1, 2], [3], strict=True)))
except ValueError as e:
    print("ValueError:", e)
side = []


def noisy(tag, n):
    for i in range(n):
        side.append((tag, i))
        yield i


print(list(zip(noisy("a", 3), noisy("b", 2))), side)
print(list(map(lambda a, b: a - b, [5, 6, 7], [1, 2])))
print(list(filter(None, [0, 1, "", "x", [], [0]])))

# ---- unpacking ----
a, b = 1, 2
b, a = a, b
print(a, b)
for p, q in [(1, 2), [3, 4], "xy", range(2)]:
    print(p, q, end="; ")
print()


class T(tuple):
    def __iter__(self):
        return iter((100, 200))


x, y = T((1, 2))
print("tuple subclass unpack:", x, y)
for bad in [(1, 2, 3), (1,), [1, 2, 3], "a", 5, None, iter([1]), {1: 2, 3: 4, 5: 6}]:
    try:
        x, y = bad
        print("unpacked", x, y)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    for x, y in [(1, 2), (3,)]:
        print(x, y)
except ValueError as e:
    print("ValueError:", e)
first, *rest = (1, 2, 3)
print(first, rest)

# ---- sum ----
class I(int):
    def __add__(self, o):
        return "I.add"

    def __radd__(self, o):
        return "I.radd"


class F(float):
    def __add__(self, o):
        return "F.add"

    def __radd__(self, o):
        return "F.radd"


print(sum([]), sum([], 5), sum([], 2.5), sum([1, 2, 3]), sum([1, 2, 3], 10))
print(sum([0.1] * 10), sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]))
print(sum([1, 2.5, 3]), sum([1.5, 2, 3]), sum([True, True, 1.5]), sum([True, False, True]))
print(sum([2**62, 2**62, 2**62]), sum([2**63 - 1, 1]), sum([-2**63, -1]), sum([2**100, 1.0]))
print(sum([1.0, 2**62]), sum([1.0, 2**63]), sum([0.5, 2**53 + 1]), sum([1.0, -2**63]))
print(sum([2**53, 1.0, 1]), sum([1.0, 2**53 + 1, 1]))
try:
    print(sum([1.0, 10**400]))
except OverflowError as e:
    print("OverflowError:", e)
print(sum([1, I(2)]), sum([1.0, I(2)]), sum([1.0, I(2), 3]))
print(sum([1, F(2.0)]), sum([1.0, F(2.0)]), sum([F(1.0)]), sum([2.0], F(1.0)))
print(sum([1], I(5)), sum([1.0], F(5.0)), sum([I(5)], 1.5), sum([1, 2.0], start=0.5))
print(sum([1, 2.0, 3], 2**70), sum([2**70, 1.5]), sum([1.5, 2**70, 3]))
print(sum([0.0, -0.0]), sum([-0.0]), sum([-0.0], -0.0), sum([], -0.0), sum([float("inf"), 1]))
print(sum([float("nan"), 1.0]), sum([1, float("inf"), -float("inf")]))
print(sum([1, 2, 3.5, 4, 2**64]), sum([[1], [2]], []), sum([(1,), (2,)], ()))
print(sum(x * y for x, y in zip([1.5, 2.5, 3.5], [2, 4, 8])))
print(sum(i for i in range(100000)), sum(i / 3 for i in range(1000)))
print(type(sum([1, True])), type(sum([True, True])), type(sum([1.0, True])))
for bad in [["a"], [1, "a"], [1.0, "a"], [1.0, None]]:
    try:
        sum(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1], start=b"")
except TypeError as e:
    print("TypeError:", e)


def boom_after(n):
    yield from range(n)
    raise LookupError("mid-sum")


try:
    sum(boom_after(3))
except LookupError as e:
    print("LookupError:", e)
try:
    sum(1.5 * i for i in boom_after(3))
except LookupError as e:
    print("LookupError:", e)

# ---- for a, b in zip/enumerate: the pair handed over without a tuple ----
pairs = []
for a, b in zip([1, 2, 3], "abc"):
    pairs.append((a, b))
print(pairs, a, b)
for a, b, c in zip(range(3), "xyz", [None, True, 1.5]):
    print(a, b, c, end="; ")
print()
try:
    for a, b in zip([1], [2], [3]):
        print("never")
except ValueError as e:
    print("ValueError:", e)
try:
    for a, b, c in zip([1, 2], [3, 4]):
        print("never")
except ValueError as e:
    print("ValueError:", e)
try:
    for a, b in zip([1, 2, 3], [4, 5], strict=True):
        print(a, b)
except ValueError as e:
    print("ValueError:", e)
for i, (p, q) in enumerate(zip("ab", "cd"), 1):
    print(i, p, q, end="; ")
print()
try:
    for i, v, w in enumerate("ab"):
        print("never")
except ValueError as e:
    print("ValueError:", e)
z = zip([1, 2, 3, 4], [5, 6, 7, 8])
for a, b in z:
    print(a, b, next(z), end="; ")
print()
en = enumerate([10, 20, 30])
for i, v in en:
    if i == 1:
        break
print("after break:", i, v, list(en))
print([a * b for a, b in zip([1, 2, 3], [4, 5, 6])], {k: v for k, v in enumerate("ab")})
print(dict((v, k) for k, v in enumerate("xy")))


def pair_gen(xs):
    for i, x in enumerate(xs):
        yield i
        yield x
    for a, b in zip(xs, reversed(xs)):
        yield a + b


print(list(pair_gen([1, 2, 3])))
keep = [(a, b) for a, b in zip([[1], [2]], [[3], [4]])]
print(keep, keep[0][0] is keep[1][0])
for n, (a, b) in enumerate(zip([1.5, 2.5], [2, 4]), 2**62 - 2):
    print(n, a * b)
big = 0
for i, _ in enumerate(range(100000)):
    big += i
print(big)

# ---- for k, v in d.items(): the pair handed over without a tuple ----
d = {"a": 1, "b": 2, "c": 3}
for k, v in d.items():
    print(k, v, end="; ")
print()
for k, v in reversed(d.items()):
    print(k, v, end="; ")
print()
for k, v in {}.items():
    print("never")
print([(v, k) for k, v in d.items()], {v: k for k, v in d.items()})
try:
    for k, v in d.items():
        d[k + k] = v
except RuntimeError as e:
    print("RuntimeError:", e)
d = {1: 1, 2: 2, 3: 3}
try:
    for k, v in d.items():
        del d[k]
        d[k + 10] = v
except RuntimeError as e:
    print("RuntimeError:", e, d)
try:
    for k, v, w in {1: 2}.items():
        print("never")
except ValueError as e:
    print("ValueError:", e)
it = iter({"x": 0, "y": 1}.items())
for k, v in it:
    print(k, v, list(it))
items = []
for k, v in {"p": [1], "q": [2]}.items():
    items.append((k, v))
print(items, items[0][1] is items[1][1])
l1 = iter([1, 2, 3])
for a, b in zip(l1, [10]):
    print("pair", a, b)
print("left in the first:", list(l1))
l1, l2 = iter([1, 2]), iter([5, 6, 7])
for a, b in zip(l1, l2):
    pass
print("left:", list(l1), list(l2))
grow = [1, 2]
for a, b in zip(grow, [7, 8, 9, 10]):
    if len(grow) < 4:
        grow.append(a * 10)
print(grow, a, b)
