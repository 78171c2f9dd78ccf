# Bounds checks versioned on a loop (src/infer/bounds.c): a counted loop over range(start,
# stop[, step]) tests once, before it, that every x[i + c] it makes is in range; then the
# accesses run unchecked, else each is checked as before.  Every IndexError must still come at
# the same step, with CPython's message; negative indexes still count from the end.
import sys


def total(xs, a, b):
    s = 0
    for i in range(a, b):
        s += xs[i]
    return s


def total_trace(xs, a, b):
    # stop beyond len: the steps before the failing one run (and print)
    s = 0
    for i in range(a, b):
        s += xs[i]
        print("step", i, s)
    return s


def stencil(f, a, b):
    g = [0.0] * len(f)
    for i in range(a, b):
        g[i] = f[i - 1] + f[i + 1] - 2.0 * f[i]
    return g


def back(xs, a, b):
    # xs[i - 1] at i = 0 reads the last item
    out = []
    for i in range(a, b):
        out.append(xs[i - 1] * 10 + xs[i])
    return out


def stepped(xs, a, b, k):
    s = 0
    for i in range(a, b, 3):
        s += xs[i + k]
        print("stepped", i, s)
    return s


def var_step(xs, a, b, step):
    # a versioned range loop: any int bounds and step
    n = 0
    for m in range(a, b, step):
        xs[m] = n
        n += 1
    return xs


def far(xs, a, b):
    # an offset past 2**32 is never versioned: the check raises
    s = 0
    for i in range(a, b):
        s += xs[i + 4294967296]
    return s


def two_lists(xs, ys, a, b):
    s = 0
    for i in range(a, b):
        s += xs[i] * ys[i]
        print("two", i, s)
    return s


def grows(xs, a, b):
    # the loop appends to the list it indexes: no versioning
    for i in range(a, b):
        xs.append(xs[i] + 1)
    return xs


def shrink(xs):
    xs.pop()


def shrinks(xs, a, b):
    s = 0
    for i in range(a, b):
        s += xs[i]
        if i == a:
            shrink(xs)
    return s


def outer_pops(xs, a):
    # the flag is computed again at every entry of the inner loop
    s = 0
    for j in range(3):
        for i in range(a, 4):
            s += xs[i]
        xs.pop()
        print("outer", j, s)
    return s


def fsum(fs, a, b):
    s = 0.0
    for i in range(a, b):
        s += fs[i] * fs[i + 1]
    return s


def caught(xs, a, b):
    s = 0
    for i in range(a, b):
        try:
            s += xs[i + 1]
        except IndexError as e:
            print("caught", i, e)
    return s


def deep(n, xs, a, b):
    if n == 0:
        return 0
    s = 0
    for i in range(a, b):
        s += xs[i]
    return s + deep(n - 1, xs, a, b)


def big_sum(xs, a, b):
    s = 0
    for i in range(a, b):
        s += xs[i] * 9223372036854775807
    return s


def stepped_quiet(xs, a, b, k):
    s = 0
    for i in range(a, b, 3):
        s += xs[i + k] - xs[i]
    return s


def two_quiet(xs, ys, a, b):
    s = 0
    for i in range(a, b):
        s += xs[i] * ys[i + 1]
    return s


def main():
    xs = list(range(10))
    fs = [float(x) * 0.25 for x in range(8)]
    try:
        print("total", total(xs, 0, 10))
    except IndexError as e:
        print("total", "IndexError:", e)
    try:
        print("total", total(xs, 3, 7))
    except IndexError as e:
        print("total", "IndexError:", e)
    try:
        print("total", total(xs, 7, 3))
    except IndexError as e:
        print("total", "IndexError:", e)
    try:
        print("total", total(xs, 5, 5))
    except IndexError as e:
        print("total", "IndexError:", e)
    try:
        print("total", total(xs, -3, 2))
    except IndexError as e:
        print("total", "IndexError:", e)
    try:
        print("total", total(xs, -11, 2))
    except IndexError as e:
        print("total", "IndexError:", e)
    try:
        print("total", total(xs, 0, 11))
    except IndexError as e:
        print("total", "IndexError:", e)
    try:
        print("total", total(xs, 2**63 - 5, 2**63 - 1))
    except IndexError as e:
        print("total", "IndexError:", e)
    try:
        print("total", total(xs, -(2**63), -(2**63) + 2))
    except IndexError as e:
        print("total", "IndexError:", e)
    try:
        print("total", total(xs, 0, 2**70))
    except IndexError as e:
        print("total", "IndexError:", e)
    try:
        print("total_trace", total_trace(xs, 6, 12))
    except IndexError as e:
        print("total_trace", "IndexError:", e)
    try:
        print("stencil", stencil(fs, 1, 7))
    except IndexError as e:
        print("stencil", "IndexError:", e)
    try:
        print("stencil", stencil(fs, 0, 7))
    except IndexError as e:
        print("stencil", "IndexError:", e)
    try:
        print("stencil", stencil(fs, 1, 8))
    except IndexError as e:
        print("stencil", "IndexError:", e)
    try:
        print("stencil", stencil([], 1, 0))
    except IndexError as e:
        print("stencil", "IndexError:", e)
    try:
        print("back", back(xs, 0, 4))
    except IndexError as e:
        print("back", "IndexError:", e)
    try:
        print("back", back(xs, 1, 4))
    except IndexError as e:
        print("back", "IndexError:", e)
    try:
        print("stepped", stepped(xs, 0, 10, 0))
    except IndexError as e:
        print("stepped", "IndexError:", e)
    try:
        print("stepped", stepped(xs, 0, 10, 1))
    except IndexError as e:
        print("stepped", "IndexError:", e)
    try:
        print("stepped", stepped(xs, 1, 10, -2))
    except IndexError as e:
        print("stepped", "IndexError:", e)
    try:
        print("stepped", stepped(xs, 2, 3, 100))
    except IndexError as e:
        print("stepped", "IndexError:", e)
    try:
        print("var_step", var_step([0] * 8, 1, 8, 2))
    except IndexError as e:
        print("var_step", "IndexError:", e)
    try:
        print("var_step", var_step([0] * 8, 5, 12, 3))
    except IndexError as e:
        print("var_step", "IndexError:", e)
    try:
        print("var_step", var_step([0] * 8, 7, -1, -2))
    except IndexError as e:
        print("var_step", "IndexError:", e)
    try:
        print("var_step", var_step([0] * 8, -3, 8, 4))
    except IndexError as e:
        print("var_step", "IndexError:", e)
    try:
        print("var_step", var_step([0] * 8, 2**64, 2**64 + 3, 1))
    except IndexError as e:
        print("var_step", "IndexError:", e)
    try:
        print("var_step", var_step([0] * 8, 0, 8, 2**64))
    except IndexError as e:
        print("var_step", "IndexError:", e)
    try:
        print("far", far(xs, 0, 3))
    except IndexError as e:
        print("far", "IndexError:", e)
    try:
        print("far", far(xs, 3, 3))
    except IndexError as e:
        print("far", "IndexError:", e)
    try:
        print("two_lists", two_lists(xs, [1, 2, 3], 0, 3))
    except IndexError as e:
        print("two_lists", "IndexError:", e)
    try:
        print("two_lists", two_lists(xs, [1, 2, 3], 1, 5))
    except IndexError as e:
        print("two_lists", "IndexError:", e)
    try:
        print("grows", grows([1, 2], 0, 5))
    except IndexError as e:
        print("grows", "IndexError:", e)
    try:
        print("shrinks", shrinks([1, 2, 3], 0, 3))
    except IndexError as e:
        print("shrinks", "IndexError:", e)
    try:
        print("outer_pops", outer_pops([1, 2, 3, 4, 5, 6], 1))
    except IndexError as e:
        print("outer_pops", "IndexError:", e)
    try:
        print("outer_pops", outer_pops([1, 2, 3, 4, 5], 0))
    except IndexError as e:
        print("outer_pops", "IndexError:", e)
    try:
        print("fsum", fsum(fs, 0, 7))
    except IndexError as e:
        print("fsum", "IndexError:", e)
    try:
        print("fsum", fsum(fs, 0, 8))
    except IndexError as e:
        print("fsum", "IndexError:", e)
    try:
        print("fsum", fsum(fs, -8, -1))
    except IndexError as e:
        print("fsum", "IndexError:", e)
    try:
        print("caught", caught([1, 2, 3], 0, 3))
    except IndexError as e:
        print("caught", "IndexError:", e)
    try:
        print("deep", deep(5, xs, 2, 6))
    except IndexError as e:
        print("deep", "IndexError:", e)
    try:
        deep(100000, xs, 0, 2)
    except RecursionError:
        print("RecursionError")
    try:
        print("big_sum", big_sum(xs, 8, 10))
    except IndexError as e:
        print("big_sum", "IndexError:", e)
    try:
        print("big_sum", big_sum(xs, 8, 11))
    except IndexError as e:
        print("big_sum", "IndexError:", e)
    try:
        print("stepped_quiet", stepped_quiet(xs, 0, 10, 0))
    except IndexError as e:
        print("stepped_quiet", "IndexError:", e)
    try:
        print("stepped_quiet", stepped_quiet(xs, 0, 10, 1))
    except IndexError as e:
        print("stepped_quiet", "IndexError:", e)
    try:
        print("stepped_quiet", stepped_quiet(xs, 0, 9, 1))
    except IndexError as e:
        print("stepped_quiet", "IndexError:", e)
    try:
        print("stepped_quiet", stepped_quiet(xs, 1, 10, -2))
    except IndexError as e:
        print("stepped_quiet", "IndexError:", e)
    try:
        print("stepped_quiet", stepped_quiet(xs, 2, 2, 50))
    except IndexError as e:
        print("stepped_quiet", "IndexError:", e)
    try:
        print("two_quiet", two_quiet(xs, [1, 2, 3], 0, 2))
    except IndexError as e:
        print("two_quiet", "IndexError:", e)
    try:
        print("two_quiet", two_quiet(xs, [1, 2, 3], 0, 3))
    except IndexError as e:
        print("two_quiet", "IndexError:", e)
    try:
        print("two_quiet", two_quiet([1, 2], xs, 0, 3))
    except IndexError as e:
        print("two_quiet", "IndexError:", e)
    try:
        print("two_quiet", two_quiet(xs, xs, -3, 8))
    except IndexError as e:
        print("two_quiet", "IndexError:", e)
    n = len(sys.argv) + 9
    try:
        print("total", total(xs, 0, n))
    except IndexError as e:
        print("total", "IndexError:", e)
    total_trace(xs, 8, n + 1)


main()
