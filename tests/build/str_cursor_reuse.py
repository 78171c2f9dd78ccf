# A long non-ASCII str keeps a cursor (the last position indexed) inside its own block, which
# is pointer-free memory that the allocator hands out uncleared.  Strings made, indexed and
# dropped leave their cursors in blocks that later strings of the same size reuse after a
# collection; a new string must not start from such a leftover cursor.  Two layouts of equal
# length and size take turns, so a leftover cursor points at the wrong byte of the other
# layout.  The garbage lists force collections (no GC environment variables needed).


def make(kind, n):
    if kind == 0:
        return "é" * n + "a" * n
    return "a" * n + "é" * n


def expect(kind, n, j):
    if kind == 0:
        return "é" if j < n else "a"
    return "a" if j < n else "é"


def check(n, probes, rounds):
    wrong = 0
    for r in range(rounds):
        kind = r % 2
        strs = [make(kind, n) for _ in range(40)]
        for s in strs:
            for j in probes:
                if s[j] != expect(kind, n, j):
                    wrong += 1
                if s[j:j + 3] != expect(kind, n, j) + expect(kind, n, j + 1) + expect(kind, n, j + 2):
                    wrong += 1
        strs = None
        junk = [str(i) * 3 for i in range(3000)]
    return wrong


# 40 + 40 code points, 120 bytes: a small block from the pointer-free free lists
print("small", check(40, (30, 35, 39, 41, 45, 60), 120))
# 300 + 300 code points, 900 bytes: a block of its own
print("large", check(300, (30, 100, 290, 301, 450, 596), 60))
# a forward scan, as a lexer or the json decoder does
total = 0
for r in range(80):
    s = make(r % 2, 50)
    t = "".join([s[i] for i in range(len(s))])
    total += t == s
    junk = [str(i) * 3 for i in range(2000)]
print("scan", total)
