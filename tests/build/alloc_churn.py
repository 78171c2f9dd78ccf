# Allocation churn (issue 4): many short-lived tuples of 1-5 items (built inline by typed
# code, and by dyn code) while a long-lived tree of tuples stays alive across the
# collections they cause; big lists and buffers allocated, dropped with del and reused,
# some soon after start-up (the heap grows ahead of them) and one kept while small
# objects churn.  Everything kept is checked at the end.


def build(depth):
    if depth == 0:
        return (None, None)
    return (build(depth - 1), build(depth - 1))


def count(node):
    left, right = node
    if left is None:
        return 1
    return 1 + count(left) + count(right)


def shapes(i):
    one = (i,)
    two = (i, -i)
    three = (i, str(i), float(i) / 2)
    four = (one, two, three, None)
    five = (i, i + 1, i + 2, i + 3, i + 4)
    return (one, two, three, four, five)


def check_shapes(t, i):
    one, two, three, four, five = t
    assert one == (i,) and len(one) == 1, one
    assert two == (i, -i) and hash(two) == hash((i, -i)), two
    assert three[1] == str(i) and three[2] == i / 2, three
    assert four[0] is one and four[1] is two and four[2] is three and four[3] is None
    assert sum(five) == 5 * i + 10, five
    return len(one) + len(two) + len(three) + len(four) + len(five)


def dyn_pairs(xs):
    out = []
    for x in xs:
        out.append((x, x))
    return out


def main():
    big = [7] * 300000                 # 2.4 MB soon after start-up
    keeper = build(12)
    kept = [shapes(i) for i in range(0, 3000, 7)]
    total = 0
    for rnd in range(6):
        for d in range(4, 11, 2):
            total += count(build(d))
        for i in range(2000):
            total += check_shapes(shapes(i), i)
        junk = [0] * (200000 + rnd)    # big temporaries, dropped and reallocated
        junk[-1] = rnd
        total += junk[-1] + len(junk)
        del junk
        s = "x" * (1 << 20)            # a big pointer-free buffer
        total += len(s)
        del s
    print("total", total)
    print("keeper", count(keeper))
    n = 0
    for i, t in zip(range(0, 3000, 7), kept):
        n += check_shapes(t, i)
    print("kept", len(kept), n)
    print("big", len(big), big[0], big[-1], sum(big))
    del big
    big = [i for i in range(400000)]
    print("rebuilt", len(big), big[123456], sum(big))
    pairs = dyn_pairs(["a", 1, 2.5, None, (1, 2)] * 1000)
    print("pairs", len(pairs), pairs[3], pairs[4], pairs[-1], pairs[2][0] + pairs[2][1])
    mixed = [(x, [x], {x: x}) for x in range(5000)]
    print("mixed", sum(a + b[0] + c[a] for a, b, c in mixed))


main()


def leaf():
    return (None, None)


def consts():
    return (0, True, ..., -5)


# a tuple display of constants is one object per site, as in CPython (folded constants)
print("leaf", leaf() is leaf(), leaf(), consts() is consts(), consts(), hash(consts()) == hash((0, True, ..., -5)))
