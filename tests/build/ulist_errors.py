# Unboxed list storage: IndexError messages from a list of unboxed bools and ints (inline
# bounds checks, negative indexes, an index that is not a small int), caught and uncaught.


def get_flag(flags, i):
    return flags[i]


def get_val(vals, i):
    return vals[i]


def set_flag(flags, i, v):
    flags[i] = v


def set_val(vals, i, v):
    vals[i] = v


def probe(n):
    flags = [True] * n
    vals = [0] * n
    for i in range(n):
        vals[i] = i % 4
    for i in (0, n - 1, -n, n, -n - 1, 10 ** 30, -(10 ** 30), 2 ** 62, 2 ** 63):
        try:
            print(i, get_flag(flags, i), get_val(vals, i))
        except IndexError as e:
            print(i, "IndexError:", e)
        try:
            set_val(vals, i, 3)
            set_flag(flags, i, False)
            print(i, "stored", get_val(vals, i), get_flag(flags, i))
        except IndexError as e:
            print(i, "IndexError:", e)
    on = total = 0
    for i in range(n):
        on += flags[i]
        total += vals[i]
    print(on, total)
    return flags


def fail(n):
    flags = [False] * n
    k = n + 2
    return flags[k]


probe(5)
print(len(probe(1)))
fail(4)
