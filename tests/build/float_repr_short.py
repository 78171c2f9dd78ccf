# repr/str of floats: the short-decimal path (values that are m * 10**-k with few digits) and
# its boundaries with the general shortest-digits search (17-digit values, 1e15, 1e-7, 1e16).

def lcg(state):
    return (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)


def main():
    out = []
    vals = []
    for i in range(1, 400):
        vals += [i / 8.0, i / 10.0, i * 0.1, i * 0.01, i / 7.0, i * 1.5e-7, 2.5e20 + i,
                 i * 37 % 1000 / 8.0, round(i * 0.37, 2), i * 1e-7, i * 1e14, i * 1e13 + 0.5,
                 float(i) * 1e12 + 0.125, 1e15 - i, 1e15 + i, 1e-7 * (1 + i / 1000)]
    for v in [0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 1e-7, 9.999999999999999e-8, 1e15,
              999999999999999.9, 999999999999999.0, 123456789012345.6, 12345678901234.56,
              1e16, 1e22, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.5,
              9007199254740993.0, 4503599627370497.5, 0.30000000000000004, 100.0, 1e2,
              1.0, 10.0, 123.456, 0.001, 0.0001, 0.00001, 1e-5 * 3, 1234.5e-10]:
        vals.append(v)
    s = 12345
    for _ in range(3000):
        s = lcg(s)
        digits = s % 10 ** (1 + s % 15)
        scale = (s >> 20) % 24
        vals.append(digits / 10.0 ** scale)
        vals.append(digits * 10.0 ** -scale)
        vals.append((s >> 11) / float(1 << 53) * 10.0 ** ((s >> 3) % 20 - 8))
    for v in vals:
        out.append(repr(v))
        out.append(repr(-v))
    h = 0
    for t in out:
        for ch in t:
            h = (h * 131 + ord(ch)) % 1000000007
    print(len(out), h)
    print(" ".join(out[:400]))
    print(" ".join(out[-300:]))
    print(str(0.1), f"{2.5}", f"{1e-7!r}", [0.25, 1e15, 1e16], 3.0 * 1.1, 4.35 * 100)


main()
