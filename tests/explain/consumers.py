# any/all/min/max of generator expressions in typed code: consumer clones (no generator is
# made); a generator as the source of any() keeps the generator expression (an early return
# must close it), and min() of items of mixed kinds is not fused.
def gen(n):
    for i in range(n):
        yield i


def checks(xs, n):
    a = any(x > 3 for x in xs)
    b = all(x >= 0 for x in xs)
    lo = min(x * 2 for x in xs)
    hi = max(i * 0.5 for i in range(n))
    c = any(v > 1 for v in gen(n))
    d = min(x if x > 0 else 0.5 for x in xs)
    return a, b, lo, hi, c, d


print(checks([1, 4, 2], 5))
