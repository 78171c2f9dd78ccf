# str operations in typed code: str.eq (identity, sizes, bytes), str.item with small, negative,
# out-of-range and huge indexes, len of non-ASCII text, and the result types of str methods
# (find's -1 in arithmetic, is* on empty strings, partition unpacked, join), `in` always bool.


class Weird:
    def __eq__(self, other):
        return "yes"


def scan(src):
    n = len(src)
    pos = 0
    words = 0
    digits = 0
    out = []
    while pos < n:
        ch = src[pos]
        if ch == " " or ch == "\n":
            pos += 1
            continue
        if ch.isdigit():
            digits += 1
        start = pos
        while pos < n and src[pos] != " " and src[pos] != "\n":
            pos += 1
        word = src[start:pos]
        if word != "skip":
            out.append(word.upper())
        words += 1
    return words, digits, "-".join(out), n


def probe(s, k):
    try:
        return s[k]
    except IndexError as e:
        return "IndexError: " + str(e)


def methods(s):
    head, sep, tail = s.partition("=")
    where = s.find("=") + 1
    return head.strip(), sep, tail.strip(), where, s.find("zz") * 2, "".isalpha(), s.isascii()


def contains(items, x):
    return (x in items, x not in items)


print(scan("ab 12 skip héllo wörld\n3x  end"))
print(scan(""))
for k in [0, 1, -1, -5, 4, 5, -6, 2**62 - 1, -(2**62), 2**70, -(2**70)]:
    print(k, probe("héllo", k), probe("abcde", k))
print(methods(" key = välue "), methods("novalue"))
print(contains([Weird()], 3), contains(["a", "b"], "b"), contains("abc", "bc"))
a = "x" * 3
b = "".join(["x", "x", "x"])
print(a == b, a != b, a == "xxy", "é" == "e", "" == "", "ab" == "abc")
try:
    print("abc".find(5))
except TypeError as e:
    print("TypeError:", e)
print(probe("abc", 10))


def classes(words):
    out = []
    for w in words:
        out.append((w.isalnum(), w.isalpha(), w.isascii(), w.isdecimal(), w.isdigit(),
                    w.isidentifier(), w.islower(), w.isnumeric(), w.isprintable(),
                    w.isspace(), w.istitle(), w.isupper()))
    return out


for row in classes(["", "abc", "ABC", "Abc Def", "123", "½", "٣", "x1_", " \t", "é", "\x00", "_a"]):
    print(row)
