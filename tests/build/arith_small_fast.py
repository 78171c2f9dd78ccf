# Small-int fast paths of the dyn tier's + - * / // % (runtime/src/abstract.c) at the edges of
# the 63-bit tagged range and of 2**53, against python3's results.
M = 2**62 - 1
N = -2**62
vals = [0, 1, -1, 2, -2, 3, -7, 7, 10, -10, 2**31, -2**31, 2**53, -2**53, 2**53 + 1,
        -(2**53 + 1), 2**61, M, N, M - 1, N + 1, 3**38, -3**38]


def dyn(x):
    return [x][0]


out = []
for a in vals:
    for b in vals:
        a1, b1 = dyn(a), dyn(b)
        out.append(a1 + b1)
        out.append(a1 - b1)
        out.append(a1 * b1)
        if b1:
            out.append(a1 // b1)
            out.append(a1 % b1)
            out.append(a1 / b1)
            out.append(divmod(a1, b1))
print(len(out), hash(tuple(out)) == hash(tuple(out)))
for i in range(0, len(out), 97):
    print(out[i], end=" ")
print()
print(sum(out[j] for j in range(0, len(out)) if isinstance(out[j], int)))
print(repr(sum(out[j] for j in range(0, len(out)) if isinstance(out[j], float))))
for a, b in [(M, 1), (N, -1), (N, 1), (M, -1), (N, N), (M, M), (N, 2), (-1, N), (7, -2),
             (-7, 2), (-7, -2), (0, -5), (N, 3), (2**53 + 1, 1), (2**53 + 1, 3), (1, 3),
             (-1, 3), (2**53, 2**53 + 1), (10**15, 7)]:
    a1, b1 = dyn(a), dyn(b)
    print(a1 + b1, a1 - b1, a1 * b1, a1 // b1, a1 % b1, repr(a1 / b1), type(a1 + b1).__name__)
for a, b in [(1, 0), (0, 0), (M, 0)]:
    for op in ("//", "%", "/"):
        try:
            if op == "//":
                dyn(a) // dyn(b)
            elif op == "%":
                dyn(a) % dyn(b)
            else:
                dyn(a) / dyn(b)
        except ZeroDivisionError as e:
            print(op, "ZeroDivisionError:", e)
print(True + True, True * 3, 7 // True, True / 2, -True % 5)
# shifts and bitwise operators
sh = [0, 1, 2, 5, 31, 32, 60, 61, 62, 63, 64, 100, 1000]
acc = []
for a in vals:
    for s in sh:
        a1, s1 = dyn(a), dyn(s)
        acc.append(a1 >> s1)
        if s < 200:
            acc.append(a1 << s1)
    for b in vals:
        a1, b1 = dyn(a), dyn(b)
        acc.append((a1 & b1, a1 | b1, a1 ^ b1))
print(len(acc), acc[::41])
for a, s in [(1, 61), (1, 62), (-1, 62), (-1, 61), (M, 1), (N, 1), (N // 2, 1), (3, 60)]:
    print(dyn(a) << dyn(s), type(dyn(a) << dyn(s)).__name__)
for a, s in [(5, -1), (0, -3)]:
    for op in ("<<", ">>"):
        try:
            print(dyn(a) << dyn(s) if op == "<<" else dyn(a) >> dyn(s))
        except ValueError as e:
            print(op, "ValueError:", e)
print(True & 3, True | 2, True ^ True, type(True & True).__name__, 6 >> True, 1 << True)
# augmented assignment on small ints (rt_inplace)
aug = []
for a in vals:
    for b in vals[:12] + [M, N]:
        x = dyn(a); x += dyn(b); aug.append(x)
        x = dyn(a); x -= dyn(b); aug.append(x)
        x = dyn(a); x *= dyn(b); aug.append(x)
        x = dyn(a); x &= dyn(b); aug.append(x)
        x = dyn(a); x |= dyn(b); aug.append(x)
        x = dyn(a); x ^= dyn(b); aug.append(x)
        if b:
            x = dyn(a); x //= dyn(b); aug.append(x)
            x = dyn(a); x %= dyn(b); aug.append(x)
            x = dyn(a); x /= dyn(b); aug.append(x)
        if 0 <= b < 70:
            x = dyn(a); x <<= dyn(b); aug.append(x)
            x = dyn(a); x >>= dyn(b); aug.append(x)
print(len(aug), aug[::53])
x = dyn(5)
try:
    x //= dyn(0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    x >>= dyn(-1)
except ValueError as e:
    print("ValueError:", e)
x **= dyn(3)
print(x)
