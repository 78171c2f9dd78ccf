# any/all of generator expressions in typed code run consumer clones (docs/internals/typed.md,
# "Consumer clones"): short-circuit (the rest of the generator never runs), empty inputs,
# nested loops, zip, an exception inside the generator (traceback through <genexpr>), and
# shapes that keep the generator: a generator as the source, items with __bool__.
# Expected output: python3.
log = []

def side(x):
    log.append(x)
    return x


def t_any(xs, k):
    return any(side(x) > k for x in xs)


def t_all(xs, k):
    return all(side(x) < k for x in xs)


def t_any_r(n):
    return any(i * i == 49 for i in range(n))


def t_all_f(xs):
    return all(x for x in xs)


def t_nested(m):
    return any(v == 5 for row in m for v in row)


def t_zip(a, b):
    return all(x <= y for x, y in zip(a, b))


def t_err(xs):
    return any(10 // x > 3 for x in xs)


def source(n):
    for i in range(n):
        log.append("src %d" % i)
        yield i
    log.append("src done")


def t_gen_source(n):
    r = any(x >= 1 for x in source(n))
    log.append("after any")
    return r


class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        log.append("bool %d" % self.v)
        return self.v > 0


def t_bool(vals):
    return all(B(v) for v in vals)


def t_mixed(xs):
    return any(x for x in xs), all(x for x in xs)
def main():
    print(t_any([1, 5, 2, 9], 4), log)
    del log[:]
    print(t_any([1, 2], 4), log)
    del log[:]
    print(t_all([1, 5, 2], 4), log)
    del log[:]
    print(t_all([], 4), t_any([], 4), log)
    print(t_any_r(10), t_any_r(5))
    print(t_all_f([1.0, 2.5, 0.0, 3.0]), t_all_f([1.5]), t_all_f([]))
    print(t_nested([[1, 2], [3, 5, 7]]), t_nested([[1], []]))
    print(t_zip([1, 2, 3], [1, 2, 4, 0]), t_zip([3, 2], [1, 5]))
    print(t_err([1, 2]))
    del log[:]
    print(t_gen_source(4), log)
    del log[:]
    print(t_bool([2, 1, 0, 3]), log)
    del log[:]
    print(t_mixed([0, "", None, 0.0]), t_mixed([1, "a", [0], (0,)]), t_mixed([[], ()]))
    print(t_err([5, 0, 1]))


main()
