# random: seeded sequences must match CPython exactly
import random

for s in [0, 1, 42, -3, 2 ** 32, 2 ** 64 + 5, "hello", b"bytes", bytearray(b"ba"), "", 3.5]:
    r = random.Random(s)
    print(repr(s), r.random(), r.getrandbits(40), r.randrange(1000))

r = random.Random(7)
print([round(r.normalvariate(0, 1), 10) for _ in range(3)])
print([round(r.lognormvariate(0, 1), 10) for _ in range(3)])
print([round(r.expovariate(2.0), 10) for _ in range(3)])
print([round(r.vonmisesvariate(1.0, 2.0), 10) for _ in range(3)])
print([round(r.gammavariate(0.5, 1.0), 10) for _ in range(3)])
print([round(r.gammavariate(1.0, 2.0), 10) for _ in range(3)])
print([round(r.gammavariate(3.0, 2.0), 10) for _ in range(3)])
print([round(r.betavariate(2.0, 3.0), 10) for _ in range(3)])
print([round(r.paretovariate(2.0), 10) for _ in range(3)])
print([round(r.weibullvariate(1.0, 2.0), 10) for _ in range(3)])
print([round(r.triangular(), 10) for _ in range(3)])
print(r.choices("abc", k=5), r.choices("abc", cum_weights=[1, 2, 10], k=5))
print(r.sample(range(10000), 10))
print(r.sample("abcdefgh", 8))
print(r.sample(["a", "b"], 5, counts=[3, 4]))
print(r.randbytes(10))
print(r.randrange(10, 0, -3), r.randrange(0, 10 ** 20, 7))
print(r.getrandbits(0), r.getrandbits(1), r.getrandbits(32), r.getrandbits(33))
st = r.getstate()
print(st[0], len(st[1]), st[1][-1], st[2])
a = r.random()
r.setstate(st)
print(a == r.random())
r.gauss()
st = r.getstate()
print(st[2] is not None)
for bad in [lambda: r.randrange(0), lambda: r.randrange(1, 5, 0), lambda: r.getrandbits(-1),
            lambda: r.seed([1]), lambda: r.randrange(2.5), lambda: r.choices("ab", [1], k=1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
x = random.random()
print(0 <= x < 1, type(random.SystemRandom().random()).__name__)
