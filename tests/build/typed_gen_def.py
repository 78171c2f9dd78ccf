# Generator functions called from typed code (docs/internals/typed.md, "Typed generator
# functions"): the loop variable gets the generator's yield types; every other use of the
# generator object keeps the generic behaviour.  Expected output: python3; the program ends
# with an exception raised inside a generator (its frame below the loop's in the traceback).


def squares(n):
    for i in range(n):
        yield i * i


def halves(n):
    x = 1.0
    for _ in range(n):
        yield x
        x = x / 2


def heap_perms(n):
    """The permutations of 0..n-1 in Heap's order: the same list, mutated between yields."""
    perm = list(range(n))
    c = [0] * n
    yield perm
    i = 1
    while i < n:
        if c[i] < i:
            if i % 2 == 0:
                perm[0], perm[i] = perm[i], perm[0]
            else:
                perm[c[i]], perm[i] = perm[i], perm[c[i]]
            yield perm
            c[i] += 1
            i = 1
        else:
            c[i] = 0
            i += 1


def first_item(lst):
    return lst[0] * 10 + lst[-1]


def perms_checksum(n):
    total = 0
    count = 0
    last = None
    for p in heap_perms(n):
        total += first_item(p)
        count += 1
        last = p
    return count, total, last


def sum_squares(n):
    t = 0
    for v in squares(n):
        t += v
    return t


def sum_halves(n):
    t = 0.0
    for v in halves(n):
        t += v
    return t


log = []


def noisy(n):
    try:
        for i in range(n):
            log.append("yield %d" % i)
            yield i
    finally:
        log.append("finally")


def stop_early(n, limit):
    seen = 0
    for v in noisy(n):
        if v >= limit:
            break
        seen += v
    log.append("after loop")
    return seen


def failing(n):
    for i in range(n):
        if i == 2:
            raise ValueError("bad item %d" % i)
        yield i + 100


def run_failing(n):
    got = []
    for v in failing(n):
        got.append(v)
    return got


def countdown(n):
    if n > 0:
        yield n
        for v in countdown(n - 1):
            yield v


def recursive_sum(n):
    t = 0
    for v in countdown(n):
        t += v
    return t


def mixed(n):
    for i in range(n):
        if i % 2:
            yield i
        else:
            yield str(i)


def join_mixed(n):
    out = []
    for v in mixed(n):
        out.append(v)
    return out


def shared(n):
    for i in range(n):
        yield [i, i + 1]


def use_next(n):
    g = shared(n)
    a = next(g)
    b = list(g)
    return a, b


def use_loop(n):
    t = 0
    for pair in shared(n):
        pair.append(99)
        t += pair[0] + pair[1] + pair[2]
    return t


def keep(n):
    kept = []
    for pair in shared(n):
        kept.append(pair)
    return kept


def with_return(n):
    yield n
    return [n, n]


def after_return(n):
    t = 0
    for v in with_return(n):
        t += v
    return t


def delegating(n):
    yield n
    yield from ["a", n + 1]
    yield n * 2


def run_delegating(n):
    out = []
    t = 0
    for v in delegating(n):
        out.append(v)
        if isinstance(v, int):
            t += v
    return out, t


def main():
    print(sum_squares(10), sum_squares(0), sum_squares(2))
    print(sum_halves(5), sum_halves(0))
    print(perms_checksum(4))
    print(perms_checksum(1))
    print(stop_early(5, 2), log)
    del log[:]
    print(stop_early(2, 10), log)
    try:
        run_failing(5)
    except ValueError as e:
        print("caught", e)
    print(recursive_sum(6), recursive_sum(0))
    print(join_mixed(5))
    print(use_next(3))
    print(use_loop(4))
    print(keep(3))
    print(after_return(7))
    # from generic code too (a call the inference cannot follow)
    f = [squares][0]
    print(list(f(4)), sum(squares(5)))
    print(list(heap_perms(3)))
    print(run_delegating(4))
    run_failing(3)


main()
