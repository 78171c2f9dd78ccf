# format specs in f-strings, str.format and format(): the same constant spec used many times
# (the parsed-spec cache), specs built at run time (new strs, addresses reused after
# collection), errors after successes with the same spec text, and the mini-language's edge
# cases: fill/align/sign/width/precision, grouping ',' '_', '#', 'z', nan/inf, -0.0, huge ints,
# non-ASCII fill and text, wide characters (width counts code points).
import math

vals = [0, 1, -1, 7, -42, 1234567, -98765432, 2**62, -2**63, 10**30 + 7, True]
floats = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 1e-7, 123456.789, -9876.54321, 1e22, 2.0**63,
          1e300, 5e-324, math.inf, -math.inf, math.nan]

acc = []
for i in range(300):
    v = vals[i % len(vals)]
    x = floats[i % len(floats)]
    acc.append(f"{v:>7}|{v:<7}|{v:^9}|{v:+d}|{v: d}|{v:06d}|{v:,}|{v:_}|{v:#x}|{v:#o}|{v:#b}|"
               f"{v:X}|{v:_x}|{v:*^12,}|{v:é>8}|{v:€<9_}|{v:=+10}|{v:010,}")
    acc.append(f"{x:.2f}|{x:>10,.2f}|{x:>12.2f}|{x:>8.3%}|{x:z.1f}|{x:+.0f}|{x:#.0f}|{x:e}|"
               f"{x:.3g}|{x:g}|{x}|{x:10}|{x:<10.4}|{x:_^15.1f}|{x:012.3f}|{x:z=+12,.3f}|"
               f"{x:.19f}|{x:.20f}|{x:%}|{x:F}|{x:€^14.2e}")
for line in acc[:44]:
    print(line)
h = 0
for line in acc:
    h = (h * 131 + sum(map(ord, line))) % 1000000007
print("hash", h, len(acc))

# specs made at run time: many distinct strs with the same text and different texts
for i in range(2000):
    spec = ">" + str(5 + i % 7) + (".2f" if i % 2 else "")
    s = format(i * 1.25, spec) if i % 2 else format(i, spec)
    if i % 400 < 3:
        print(repr(spec), repr(s))
for i in range(50):
    spec = "".join(["<", "^", ">"][i % 3]) + str(i % 13) + ["", ",", "_"][i % 3]
    print(repr(format(i * 1001, spec)), end=" ")
print()

# the same spec text first valid for one type, then an error for another
for spec in ["x", ".2f", ">5", "c", ",", "=10", "z.1f", "#o"]:
    for v in [255, 2.5, "s", 3 + 4j]:
        try:
            r = format(v, spec)
        except (ValueError, TypeError) as e:
            r = type(e).__name__ + ": " + str(e)
        print(repr(spec), type(v).__name__, repr(r))

# str.format and wide or non-ASCII text
for w in ["漢字", "é", "𝄞x", "abc"]:
    print("[{:>6}]".format(w), "[{:*^7}]".format(w), f"[{w:é<5}]", f"[{w:.1}]", f"[{w:5.2}]")
print("{:>7}|{:<12}|{:^11}|{:>10,.2f}".format(12, "code", "north", 1234567.891))
print("%5d|%-10s|%15.2f|%x|%o|%e" % (42, "west:", 123456789.125, 255, 8, 0.5))
print(f"{12345678901234567890:,}", f"{-12345678901234567890:_}", f"{10**40:.3e}")

# str.format: a class's __format__ keeps its spec; one-field strings; braces and literals
class Keep:
    seen = []

    def __format__(self, spec):
        Keep.seen.append(spec)
        return "<" + spec + ">"


k = Keep()
for i in range(5):
    print("{:>{w}}|{:abc}|{}|{!r:^9}|{:x{w}y}".format(k, k, k, "s", k, w=i))
print(Keep.seen, [type(s).__name__ for s in Keep.seen])
s = "abc" * 10
print("{}".format(s) == s, "{:}".format(s), "{0}".format(s), "{}{}".format(s, ""), "{}x".format(""))
print("{{{}}}".format(1), "{}}}".format(2), "{{}}{}".format(3), "{:{}}".format(4, ">5"), "{0:{1}.{2}f}".format(3.14159, 8, 3))
for spec in ["", ">3", "é^7", "*<5", "08.3f", ",", "_x", "#b"]:
    print(("{:" + spec + "}").format(255), ("{:" + spec + "}").format(2.5) if "x" not in spec and "b" not in spec else "")
