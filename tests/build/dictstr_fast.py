# Fast paths of dict lookups with str keys and of str comparison, and their boundaries with the
# generic paths (str subclasses, mixed key types, keys equal by content but distinct objects).

class S(str):
    def __eq__(self, other):
        print("S.__eq__", str.__repr__(self), repr(other))
        return str.__eq__(self, other)
    __hash__ = str.__hash__


def built(s):
    # a fresh object with the same content: not the interned constant
    return "".join(list(s))


def main():
    d = {}
    words = ("alpha beta gamma delta alpha Beta gamma épée épée naïve 日本 日本 x y x "
             "alpha-beta").split()
    for w in words:
        d[w] = d.get(w, 0) + 1
    print(d)
    for w in ["alpha", built("alpha"), "ALPHA".lower(), built("épée"), "", built("日本"), "zzz"]:
        print(repr(w), w in d, d.get(w), d.get(w, -1))
    # the empty string and one-character keys
    e = {"": 1, "a": 2, "é": 3}
    print(e[built("")], e[built("a")], e[built("é")], built("b") in e)
    # resize while building with keys that are equal to existing ones by content
    big = {}
    for i in range(2000):
        big[f"k{i}"] = i
    for i in range(0, 2000, 7):
        big[built(f"k{i}")] += 1000
    print(len(big), big["k0"], big["k7"], big["k8"], big["k1995"], list(big)[:3], list(big)[-2:])
    # deletions leave dummies that probing passes
    for i in range(0, 2000, 2):
        del big[built(f"k{i}")]
    print(len(big), "k1" in big, "k2" in big, big.get(built("k1999")))
    # str subclass keys go through __eq__
    s = {S("abc"): 1}
    print(s.get("abc"), s.get(built("abc")), "abd" in s)
    t = {"abc": 1}
    print(t.get(S("abc")), S("abd") in t)
    # mixed key types with equal hashes
    m = {1: "int", "1": "str", 1.5: "float"}
    print(m[1.0], m[True], m[built("1")], m.get(built("1.5")))
    # comparisons: identity, lengths, one character, non-ASCII, interned vs built
    a, b = "hello", built("hello")
    print(a == b, a != b, a == "hellp", a != "hell", a < b, a <= b, "é" == built("é"), "é" == "e")
    print("x" == built("x"), "x" != built("x"), "x" == "y", "" == built(""), "ab" == "a")
    h = built("hello world")
    hash(h)
    print(h == "hello world", h == "hello worle", hash(h) == hash("hello world"))
    print(S("q") == "q", "q" == S("q"), S("q") != "r")


def sizes():
    # equality by words: every size up to past 16 bytes, a difference at each position
    res = []
    for n in range(0, 20):
        base = "".join(chr(97 + (i % 26)) for i in range(n))
        d = {base: n}
        ok = built(base) == base and d.get(built(base)) == n
        for k in range(n):
            other = base[:k] + "Z" + base[k + 1:]
            ok = ok and other != base and not (other == base) and other not in d
        res.append("1" if ok else "0")
    print("".join(res))
    u = "é" * 5 + "x"
    print(u == built(u), u == "é" * 4 + "ex", u[1:] == built("é" * 4 + "x"), {u: 1}.get(built(u)))


class D(dict):
    def __contains__(self, key):
        print("D.__contains__", repr(key))
        return dict.__contains__(self, key)


def contains():
    esc = {'"': 1, "\\": 2, "\n": 3}
    print([ch in esc for ch in 'a"b\\\n\té'])
    d = D(a=1)
    print("a" in d, "b" in d, 1 in {1: 2}, 1.0 in {1: 2}, (1, "x") in {(1, "x"): 0})
    try:
        [] in {}
    except TypeError as e:
        print("TypeError:", e)


main()
sizes()
contains()
