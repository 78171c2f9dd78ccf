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
