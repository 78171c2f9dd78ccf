# Indexing and slicing of long non-ASCII strings in the access patterns of a lexer: forward
# scans a code point at a time, small backward steps, jumps across and within the 64-code-point
# blocks of the index, slices that start where the last index was, on several strings at once
# (each keeps its own position cache).
import random

pieces = ["a", "é", "€", "𝄞", "bc", "Ω", " ", "\n", "xyz", "ü", "\ud800"[:0] + "漢"]
rng = random.Random(7)


def make(n):
    return "".join(rng.choice(pieces) for _ in range(n))


texts = [make(n) for n in (70, 200, 1000, 5000)]
texts.append("é" * 64 + "a" * 300)     # non-ASCII block, then ASCII blocks
texts.append("a" * 300 + "𝄞" * 70)     # ASCII blocks, then 4-byte code points

digest = 0
for t in texts:
    n = len(t)
    # forward scan, as a lexer does
    out = []
    i = 0
    while i < n:
        out.append(t[i])
        i += 1
    assert "".join(out) == t
    # backward scan
    back = [t[j] for j in range(n - 1, -1, -1)]
    assert "".join(back) == t[::-1]
    # random jumps, slices between consecutive positions, negative indexes
    pos = 0
    for k in range(3000):
        step = rng.choice([1, 1, 2, 3, -1, -2, 7, 63, 64, 65, -64, 130, -300, 1000])
        pos = (pos + step) % n
        end = min(n, pos + rng.choice([0, 1, 2, 5, 20, 63, 64, 100, 700]))
        s = t[pos:end]
        c = t[pos]
        neg = t[pos - n]
        digest = (digest * 31 + ord(c) + len(s) * 7 + sum(map(ord, s[:3])) + ord(neg)) % 1000000007
    # two strings scanned alternately
    u = texts[0]
    for k in range(min(n, 500)):
        digest = (digest * 7 + ord(t[k]) + ord(u[k % len(u)])) % 1000000007
    print(n, len(t.encode()), digest, t[n // 2:n // 2 + 5], t[-3:])
