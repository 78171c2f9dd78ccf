# The ASCII and bulk paths of str methods: count of one character over long texts (more than
# 255 words of 8 bytes, every byte a match, none), split/splitlines with many pieces (past the
# 32 kept on the stack), split on every ASCII whitespace character (\x1c..\x1f included) and
# with maxsplit, strip with and without chars on ASCII and non-ASCII text.
import random

rng = random.Random(11)

for n in (0, 1, 7, 8, 9, 2039, 2040, 2041, 2048, 5000, 70000):
    t = "".join(rng.choice("a0|0 b") for _ in range(n))
    print(n, t.count("0"), t.count("|"), t.count("z"), ("0" * n).count("0"),
          t.count("0", 3), t.count("0", 0, n // 2), t.count("|", 5, -5))
    u = t + "é"
    print(u.count("0"), u.count("é"))

ws = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
for n in (0, 5, 31, 32, 33, 64, 65, 1000):
    words = ["w%d" % i for i in range(n)]
    text = "".join(w + rng.choice(ws) * rng.randrange(1, 3) for w in words)
    parts = text.split()
    print(n, len(parts), parts == words, parts[-1:] if parts else None)
    print(len((" " + text).split(None, 3)), (" " + text).split(None, 3)[-1][:20] if n else "")
    print(text.split("1")[:3], len(text.split("1")), len(text.split("w")))
    lines = "\n".join(words) + ("\r\n" if n % 2 else "")
    print(len(lines.splitlines()), lines.splitlines()[-1:], len(lines.splitlines(True)))
    nonascii = "é".join(words)
    print(len(nonascii.split("é")), len((nonascii + " x\u2003y").split()))

for s in ["", "   ", "  ab  ", "\t\nab c\x1f", "..ab,;", "ab", ".,;:!?\"'", "é.ab.é", ".éabé."]:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(".,;:!?\"'")),
          repr(s.strip("é.")), repr(s.lstrip(".a")), repr(s.rstrip("b.")), repr(s.strip("")))

# case maps of ASCII text, eight bytes at a time: every ASCII byte, lengths around 8
allascii = "".join(chr(c) for c in range(128))
for t in [allascii, allascii * 3 + "xY", "@[`{AZaz", "ABCDEFG", "abcdefgh", "ABCDEFGHI", "0123456789!?"]:
    print(repr(t.lower()), repr(t.upper()), repr(t.casefold()), t.lower() == t, t.upper() == t)
