#!/usr/bin/env python3
"""gen_cases.py - random differential cases for str, bytes and bytearray, with python3's answers.

usage: gen_cases.py SEED COUNT CASES_OUT EXPECTED_OUT [GROUP...]

Writes CASES_OUT in strdiff.c's input format (one case a line) and EXPECTED_OUT with the line
python3 prints for each: "<id> TAB <repr of the result>" or "<id> TAB !<Type>: <message>".
COUNT is the number of random cases per method.  GROUPs (str, bytes, bytearray, ops) select
what to generate; all by default.  The strings are drawn from pools chosen to hit the hard
cases: Latin-1, Greek with final sigma, German sharp s, Turkish dotted I, ligatures, titlecase
digraphs, CJK, emoji, combining marks, lone surrogates, every kind of whitespace and line
break, digits and numerics of other scripts, characters newer than Unicode 14.
"""
import random
import sys

seed, count, cases_path, expected_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
groups = set(sys.argv[5:]) or {"str", "bytes", "bytearray", "ops"}
rng = random.Random(seed)

POOLS = [
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "0123456789",
    " ,.;:!?'\"-_()[]{}#@*/\\+=<>|~`^$%&",
    " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200a\u2028\u2029\u202f\u205f\u3000\u200b\x00\x7f",
    "éèêëàâäçñößÿµÀÉÖÜÞþðæøå¡¿«»\xad\xa9",
    "ΣσςαβγΑΒΓάέΐΰΆΈϐϑϕϖϰϱϵ",
    "İıIiŞşĞğ",
    "ﬀﬁﬂﬃﬄﬅﬆŉǰẖẗẘẙẚ",
    "ǅǄǆǈǇǉǋǊǌǲǱǳ",
    "ᾈᾀᾼᾳῌῃῼῳ",
    "ᏸᏹᏰᎠꭰ",
    "ⅰⅠⅻⅫↀ",
    "中文字一二三四五六七八九十百千万〇零壹",
    "😀👍🏽🎉𝔘𝔫𝕀𝟘𝟙𐐀𐐨",
    "\u0301\u0308\u0327\u0345\u0307\u20dd\u064b",
    "\ud800\udbff\udc00\udc80\udcff\udfff",
    "²³¹①⑩½¼٣٤۵߁०१೬๓០៩၀᠐０１２",
    "\u0378\u0530\ue000\U000f0000\ufeff\u200d\u200e\u2060\U0001e030\U0001e05f\u0cf3\U00011f00",
    "ЖжЯяЁёЪъ",
    "ԱաևՄմ",
    "ⓐⓏ㎯ℌℍℎⅅⅆ",
    "_\u00b7\u0387\u2118\u212e\u309b",
]
ASCII_POOLS = POOLS[:4]


def rand_str(max_len=10, ascii_only=False):
    pools = ASCII_POOLS if ascii_only else POOLS
    r = rng.random()
    if r < 0.05:
        return ""
    if r < 0.12:
        n = rng.randint(60, 200)          # beyond one index block: exercises the index
    else:
        n = rng.randint(1, max_len)
    k = rng.randint(1, 3)
    chosen = rng.sample(pools, k) if rng.random() < 0.7 else [pools[0]]
    return "".join(rng.choice(rng.choice(chosen)) for _ in range(n))


def sub_of(s):
    """a needle: often a piece of s, sometimes random, sometimes empty"""
    r = rng.random()
    if r < 0.5 and s:
        i = rng.randint(0, len(s) - 1)
        return s[i:i + rng.randint(1, 4)]
    if r < 0.6:
        return ""
    return rand_str(3)


def rand_index(n):
    r = rng.random()
    if r < 0.3:
        return rng.randint(-n - 2, n + 2)
    if r < 0.4:
        return None
    if r < 0.42:
        return rng.choice([2**62, -2**62, 2**63 - 1, -2**63])
    return rng.randint(0, n)


def rand_bytes(max_len=10):
    s = rand_str(max_len, ascii_only=rng.random() < 0.6)
    if rng.random() < 0.15:
        enc = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"])
        b = s.encode(enc, "surrogatepass")
        if b and rng.random() < 0.5:   # damage it: drop, flip or add a byte
            i = rng.randrange(len(b))
            b = rng.choice([b[:i] + b[i + 1:], b[:i] + bytes([rng.randint(0, 255)]) + b[i + 1:], b + b"\xd8"])
        return b
    if rng.random() < 0.3:
        return bytes(rng.randint(0, 255) for _ in range(rng.randint(0, max_len)))
    return s.encode("utf-8", "surrogatepass")


def sub_of_bytes(b):
    r = rng.random()
    if r < 0.5 and b:
        i = rng.randint(0, len(b) - 1)
        return b[i:i + rng.randint(1, 4)]
    if r < 0.6:
        return b""
    return rand_bytes(3)


# ---- encoding for the C driver ----
def esc_str(s):
    out = []
    for ch in s:
        c = ord(ch)
        if 0x20 < c < 0x7F and ch != "\\":
            out.append(ch)
        elif c < 0x100:
            out.append("\\x%02x" % c)
        elif c < 0x10000:
            out.append("\\u%04x" % c)
        else:
            out.append("\\U%08x" % c)
    return "".join(out)


def esc_bytes(b):
    return "".join(chr(c) if 0x20 < c < 0x7F and c != 0x5C else "\\x%02x" % c for c in b)


class Absent:
    pass


ABSENT = Absent()


def lp(e):
    """length-prefixed item of a container (the encoding is ASCII: length in characters)"""
    return "%d:%s" % (len(e), e)


def enc(v):
    if v is ABSENT:
        return "-"
    if v is None:
        return "N"
    if v is True:
        return "T"
    if v is False:
        return "F"
    if isinstance(v, int):
        return "i%d" % v
    if isinstance(v, float):
        return "f" + repr(v)
    if isinstance(v, str):
        return "s" + esc_str(v)
    if isinstance(v, bytes):
        return "b" + esc_bytes(v)
    if isinstance(v, bytearray):
        return "B" + esc_bytes(bytes(v))
    if isinstance(v, tuple):
        return "t" + "".join(lp(enc(x)) for x in v)
    if isinstance(v, list):
        return "l" + "".join(lp(enc(x)) for x in v)
    if isinstance(v, dict):
        return "d" + "".join(lp(enc(k)) + lp(enc(x)) for k, x in v.items())
    if isinstance(v, slice):
        f = lambda x: "N" if x is None else str(x)
        return "S%s:%s:%s" % (f(v.start), f(v.stop), f(v.step))
    raise TypeError(v)


def show(r):
    return repr(r)


def outcome(fn, mutated=None):
    try:
        r = fn()
    except Exception as e:  # noqa: BLE001 - every exception is an answer to compare
        return "!%s: %s" % (type(e).__name__, str(e).replace("\n", "\\n"))
    s = show(r)
    if mutated is not None:
        s += " | " + show(mutated)
    return s


cases = open(cases_path, "w", encoding="utf-8")
expected = open(expected_path, "w", encoding="utf-8")
ncase = 0


def emit(op, args, fn, mutated_index=None):
    global ncase
    ncase += 1
    while args and args[-1] is ABSENT:
        args = args[:-1]
    line = "%d\t%s\t%s" % (ncase, op, "\t".join(enc(a) for a in args))
    cases.write(line.rstrip("\t") + "\n")
    if mutated_index is not None:
        res = outcome(fn, None)
        if not res.startswith("!"):
            res += " | " + show(args[mutated_index])
    else:
        res = outcome(fn)
    expected.write("%d\t%s\n" % (ncase, res))


def trim(args):
    """Drops trailing absent arguments, and cuts at the first absent one."""
    out = []
    for a in args:
        if a is ABSENT:
            break
        out.append(a)
    return out


def method_case(tname, name, self, *args):
    real = trim(args)
    if tname == "str":
        meth = getattr(str, name)
    elif tname == "bytes":
        meth = getattr(bytes, name)
    else:
        meth = getattr(bytearray, name)
    if tname == "bytearray":
        self_copy = bytearray(self)
        emit("%s.%s" % (tname, name), [self_copy] + real, lambda: meth(self_copy, *real), 0)
    else:
        emit("%s.%s" % (tname, name), [self] + real, lambda: meth(self, *real))


def maybe(v, p=0.5):
    return v if rng.random() < p else ABSENT


# ---- str ----
def gen_str():
    S = "str"
    mk = lambda: rand_str()
    for _ in range(count):
        s = mk()
        for name in ("capitalize", "casefold", "lower", "upper", "swapcase", "title",
                     "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier",
                     "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper"):
            method_case(S, name, s if rng.random() < 0.8 else rand_str(4))
        for name in ("center", "ljust", "rjust"):
            method_case(S, name, s, rng.randint(-2, len(s) + 6),
                        maybe(rng.choice([" ", "*", "é", "😀", "ab", "", "\ud800"])))
        method_case(S, "zfill", s if rng.random() < 0.7 else rng.choice("+-") + s,
                    rng.randint(-1, len(s) + 5))
        for name in ("count", "find", "rfind", "index", "rindex", "startswith", "endswith"):
            n = len(s)
            method_case(S, name, s, sub_of(s), maybe(rand_index(n), 0.4), maybe(rand_index(n), 0.5))
        for name in ("startswith", "endswith"):
            method_case(S, name, s, tuple(sub_of(s) for _ in range(rng.randint(0, 3))),
                        maybe(rand_index(len(s)), 0.3))
        for name in ("split", "rsplit"):
            sep = rng.choice([None, None, sub_of(s), rng.choice(" ,a\t")])
            method_case(S, name, s, maybe(sep, 0.8), maybe(rng.randint(-2, 4), 0.5))
        method_case(S, "splitlines", s, maybe(rng.choice([True, False, 0, 1]), 0.6))
        for name in ("partition", "rpartition"):
            method_case(S, name, s, sub_of(s) or "x")
        method_case(S, "replace", s, sub_of(s), rand_str(3), maybe(rng.randint(-2, 4), 0.4))
        for name in ("strip", "lstrip", "rstrip"):
            method_case(S, name, s, maybe(rng.choice([None, sub_of(s), rand_str(3), " ", ""]), 0.7))
        method_case(S, "removeprefix", s, sub_of(s))
        method_case(S, "removesuffix", s, sub_of(s) if rng.random() < 0.5 else s[-2:])
        method_case(S, "expandtabs", s.replace("x", "\t") if rng.random() < 0.5 else s + "\t1",
                    maybe(rng.randint(-1, 9), 0.7))
        method_case(S, "join", sub_of(s), [rand_str(4) for _ in range(rng.randint(0, 4))])
        method_case(S, "encode", s, maybe(rng.choice(["utf-8", "ascii", "latin-1", "UTF8", "l1", "Latin_1", "iso-8859-1", "us-ascii",
                                                       "utf-16", "utf-16-le", "UTF-16BE", "utf-32", "utf_32_le", "utf-32-be", "utf-8-sig", "U16"]), 0.9),
                    maybe(rng.choice(["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape", "surrogatepass"]), 0.8))
        tbl = {ord(c): rng.choice([None, "", "xy", ord("Z"), "é"]) for c in sub_of(s) or "a"}
        method_case(S, "translate", s, tbl)
        i = rng.randint(-len(s) - 2, len(s) + 2)
        emit("getitem", [s, i], lambda: s[i])
        sl = slice(rand_index(len(s)), rand_index(len(s)), rng.choice([None, 1, 2, 3, -1, -2, -5, 0]))
        emit("getitem", [s, sl], lambda: s[sl])
        emit("repr", [s], lambda: repr(s))
        emit("len", [s], lambda: len(s))
        t = rand_str(4) if rng.random() < 0.5 else s[:rng.randint(0, len(s))]
        emit("cmp", [s, t], lambda: (s < t, s <= t, s == t, s != t, s > t, s >= t))
        emit("add", [s, t], lambda: s + t)
        k = rng.randint(-1, 4)
        emit("mul", [s, k], lambda: s * k)
        u = sub_of(s)
        emit("contains", [s, u], lambda: u in s)
        emit("iter", [s], lambda: list(s))
    # errors: wrong argument types and values
    s = "abc"
    for name in ("count", "find", "rfind", "index", "rindex", "partition", "rpartition"):
        method_case(S, name, s, 1)
    for name in ("startswith", "endswith"):
        method_case(S, name, s, 1)
        method_case(S, name, s, ("a", 1))
        method_case(S, name, s, "a", "x")
    for name in ("split", "rsplit"):
        method_case(S, name, s, 1)
        method_case(S, name, s, "")
        method_case(S, name, s, " ", "x")
    for name in ("partition", "rpartition"):
        method_case(S, name, s, "")
    for name in ("strip", "lstrip", "rstrip"):
        method_case(S, name, s, 1)
    for name in ("center", "ljust", "rjust"):
        method_case(S, name, s, "x")
        method_case(S, name, s, 5, 1)
        method_case(S, name, s, 5, "ab")
        method_case(S, name, s, 5, "")
    method_case(S, "zfill", s, "x")
    method_case(S, "expandtabs", s, "x")
    method_case(S, "replace", s, 1, "a")
    method_case(S, "replace", s, "a", 1)
    method_case(S, "replace", s, "a", "b", "x")
    method_case(S, "removeprefix", s, 1)
    method_case(S, "removesuffix", s, 1)
    method_case(S, "join", s, [1])
    method_case(S, "join", s, ["a", b"b"])
    method_case(S, "join", s, 5)
    method_case(S, "encode", s, 1)
    method_case(S, "encode", s, "utf-8", 1)
    method_case(S, "encode", s, "bogus")
    method_case(S, "encode", "é", "ascii", "bogus")
    method_case(S, "encode", "\ud800x\udc80\udcff", "ascii", "surrogateescape")
    method_case(S, "encode", "\ud800x\udc80\udcff", "utf-8", "surrogateescape")
    method_case(S, "encode", "aé\ud800", "latin-1", "surrogatepass")
    method_case(S, "translate", "abc", {97: 0x110000})
    method_case(S, "translate", "abc", {97: -1})
    method_case(S, "translate", "abc", {97: (1,)})
    method_case(S, "splitlines", s, "x")
    emit("getitem", [s, "x"], lambda: s["x"])
    emit("getitem", [s, slice(None, None, 0)], lambda: s[::0])
    emit("getitem", [s, 2**62], lambda: s[2**62])
    emit("add", [s, 1], lambda: s + 1)
    emit("mul", [s, "x"], lambda: s * "x")
    emit("mul", [s, 2**62], lambda: s * 2**62)
    emit("contains", [s, 1], lambda: 1 in s)
    for args in ([{"a": "b", 98: None, "c": 100}], [{"ab": 1}], [{(1,): 1}], [5],
                 ["abc", "xyz"], ["abc", "xyz", "q"], ["abc", "xy"], [1, "a"], ["a", 1],
                 ["a", "b", 1], ["aé😀", "éx\ud800", "ßz"]):
        emit("str.maketrans", args, lambda args=args: str.maketrans(*args))
    for b, e, err in ((b"abc", "utf-8", ABSENT), (b"\xff", ABSENT, ABSENT), (b"a\xe9", "latin-1", ABSENT),
                      ("abc", "utf-8", ABSENT), (5, "utf-8", ABSENT), (b"\xc3\xa9\xff", "utf-8", "replace"),
                      (b"x", 1, ABSENT)):
        args = trim([b, e, err])
        emit("str", args, lambda args=args: str(*args))


def gen_bytes(T):
    conv = bytes if T == "bytes" else bytearray
    for _ in range(count):
        b = conv(rand_bytes())
        for name in ("capitalize", "lower", "upper", "swapcase", "title", "isalnum", "isalpha",
                     "isascii", "isdigit", "islower", "isspace", "istitle", "isupper"):
            method_case(T, name, b)
        for name in ("center", "ljust", "rjust"):
            method_case(T, name, b, rng.randint(-2, len(b) + 6),
                        maybe(rng.choice([b" ", b"*", b"ab", b"", bytearray(b"-")]), 0.6))
        method_case(T, "zfill", b if rng.random() < 0.7 else conv(rng.choice([b"+", b"-"]) + b),
                    rng.randint(-1, len(b) + 5))
        for name in ("count", "find", "rfind", "index", "rindex", "startswith", "endswith"):
            n = len(b)
            sub = sub_of_bytes(bytes(b))
            if name not in ("startswith", "endswith") and rng.random() < 0.2:
                sub = rng.randint(0, 255) if rng.random() < 0.9 else 300
            method_case(T, name, b, sub, maybe(rand_index(n), 0.4), maybe(rand_index(n), 0.5))
        for name in ("split", "rsplit"):
            sep = rng.choice([None, None, sub_of_bytes(bytes(b)) or b",", b" "])
            method_case(T, name, b, maybe(sep, 0.8), maybe(rng.randint(-2, 4), 0.5))
        method_case(T, "splitlines", b, maybe(rng.choice([True, False]), 0.6))
        for name in ("partition", "rpartition"):
            method_case(T, name, b, sub_of_bytes(bytes(b)) or b"x")
        method_case(T, "replace", b, sub_of_bytes(bytes(b)), rand_bytes(3), maybe(rng.randint(-2, 4), 0.4))
        for name in ("strip", "lstrip", "rstrip"):
            method_case(T, name, b, maybe(rng.choice([None, sub_of_bytes(bytes(b)), b" ", b""]), 0.7))
        method_case(T, "removeprefix", b, sub_of_bytes(bytes(b)))
        method_case(T, "removesuffix", b, sub_of_bytes(bytes(b)))
        method_case(T, "expandtabs", conv(bytes(b).replace(b"x", b"\t") + b"\t1"), maybe(rng.randint(-1, 9), 0.7))
        method_case(T, "join", sub_of_bytes(bytes(b)), [rand_bytes(4) for _ in range(rng.randint(0, 4))])
        method_case(T, "decode", b, maybe(rng.choice(["utf-8", "ascii", "latin-1", "utf8", "utf-16", "utf-16-le", "utf-16-be",
                                                       "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig", " Utf--8 ", "latin.1", "iso8859"]), 0.8),
                    maybe(rng.choice(["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass"]), 0.8))
        method_case(T, "hex", b, maybe(rng.choice(["", ":", "-", b"_", "ab", 1]), 0.4), maybe(rng.randint(-3, 3), 0.6))
        method_case(T, "translate", b, rng.choice([None, bytes(range(255, -1, -1))]), maybe(sub_of_bytes(bytes(b)), 0.5))
        h = bytes(b).hex(" ") if rng.random() < 0.3 else bytes(b).hex()
        if rng.random() < 0.2:
            h = h[:-1] + rng.choice("xZ ")
        emit("%s.fromhex" % T, [h], lambda h=h: conv.fromhex(h))
        i = rng.randint(-len(b) - 2, len(b) + 2)
        emit("getitem", [b, i], lambda: b[i])
        sl = slice(rand_index(len(b)), rand_index(len(b)), rng.choice([None, 1, 2, -1, -3]))
        emit("getitem", [b, sl], lambda: b[sl])
        emit("repr", [b], lambda: repr(b))
        emit("len", [b], lambda: len(b))
        c = conv(rand_bytes(4)) if rng.random() < 0.5 else b[:rng.randint(0, len(b))]
        other = rng.choice([c, bytes(c), bytearray(c)])
        emit("cmp", [b, other], lambda: (b < other, b <= other, b == other, b != other, b > other, b >= other))
        emit("add", [b, other], lambda: b + other)
        k = rng.randint(-1, 3)
        emit("mul", [b, k], lambda: b * k)
        x = rng.choice([sub_of_bytes(bytes(b)), rng.randint(0, 255)])
        emit("contains", [b, x], lambda: x in b)
        emit("iter", [b], lambda: list(b))
    for args in ([b"abc", b"xyz"], [b"ab", b"x"], [1, b"a"]):
        emit("bytes.maketrans", args, lambda args=args: bytes.maketrans(*args))
    emit("bytes", [], lambda: bytes())
    for args in ([3], ["abc", "utf-8"], ["aé", "ascii"], [[1, 2, 255]], [[256]], [[-1]], ["abc"],
                 [b"xy"], [-1], [bytearray(b"q")], [(65, 66)]):
        emit("bytes", args, lambda args=args: bytes(*args))
        emit("bytearray", args, lambda args=args: bytearray(*args))


def gen_bytearray_mut():
    for _ in range(count):
        b = bytearray(rand_bytes())
        n = len(b)
        for name, args in (("append", [rng.choice([65, 0, 255, 256, -1, b"x"])]),
                           ("extend", [rng.choice([b"xyz", [1, 2, 3], bytearray(b"q"), [300], "ab", 5])]),
                           ("pop", [maybe(rng.randint(-n - 1, n + 1), 0.6)]),
                           ("insert", [rng.randint(-n - 2, n + 2), rng.choice([66, 256])]),
                           ("remove", [rng.choice([b[0] if b else 1, 7, 300])]),
                           ("reverse", []), ("clear", []), ("copy", [])):
            method_case("bytearray", name, b, *args)
        i = rng.randint(-n - 1, n + 1)
        v = rng.choice([65, 256, -1, b"x"])
        c = bytearray(b)

        def setitem(c=c, i=i, v=v):
            c[i] = v
        emit("setitem", [c, i, v], setitem, 0)
        c2 = bytearray(b)
        sl = slice(rand_index(n), rand_index(n), rng.choice([None, 1, 2, -1]))
        val = rng.choice([b"", b"XY", bytearray(b"Q"), [1, 2], b"abcdefgh"])

        def setslice(c2=c2, sl=sl, val=val):
            c2[sl] = val
        emit("setitem", [c2, sl, val], setslice, 0)
        c3 = bytearray(b)
        key = rng.choice([rng.randint(-n - 1, n + 1), sl])

        def delitem(c3=c3, key=key):
            del c3[key]
        emit("delitem", [c3, key], delitem, 0)
        c4 = bytearray(b)
        other = rng.choice([b"ab", bytearray(b"c"), "s"])

        def iadd(c4=c4, other=other):
            c5 = c4
            c5 += other
            return c5
        emit("iadd", [c4, other], iadd, 0)
        c6 = bytearray(b)
        k = rng.randint(-1, 3)

        def imul(c6=c6, k=k):
            c7 = c6
            c7 *= k
            return c7
        emit("imul", [c6, k], imul, 0)


def gen_ops():
    # format(str, spec)
    specs = ["", "s", "10", "<10", ">10", "^10", "*^9", "é>7", ".2", "10.3", "<", "d", "x",
             "+", " 5", "=10", "010", "-5", "#", ",", "_", "10.0s", "^", ".0", "ab", "%", "\ud800<4",
             "<<5", "3.s", ".", "5.2f", "1000", "c", "z"]
    for _ in range(max(1, count // 4)):
        s = rand_str(6)
        spec = rng.choice(specs)
        emit("format", [s, spec], lambda: format(s, spec))
    for spec in specs:
        emit("format", ["abc", spec], lambda spec=spec: format("abc", spec))
    # str.format / format_map
    fmts = ["{}", "{0}", "{} {}", "{0} {1} {0}", "{x}", "{x!r}", "{0!s:>8}", "{0!a}", "{:*^9}",
            "{0:{1}}", "{0:{1}{2}}", "{{}}", "{{{0}}}", "}", "{", "{0", "x}y", "{0!}", "{0!x}", "{0!r",
            "{0!rx}", "{0[0]}", "{0[1]}", "{x[a]}", "{0]}", "{0[}", "{0[0]x}", "{} {0}", "{0} {}",
            "{5}", "{y}", "{0:{1:{2}}}", "{:}", "{!r}", "{0:d}", "{0:>{1}.{2}}", "{00}", "{0:{{}}}",
            "{:s}", "{a}{b}", "é{0}ß", "{\ud800}", "{0.}", "{0[]}", "{99999999999999999999}",
            "{0:%}", "{{", "}}", "{}}", "{{}"]
    vals = [1, -2.5, "str", "é\n", [1, 2], (3,), None, True, 10**20, "ab"]
    for _ in range(count):
        f = rng.choice(fmts) if rng.random() < 0.7 else rand_str(3) + rng.choice(fmts) + rand_str(2)
        args = tuple(rng.choice(vals) if rng.random() < 0.8 else rng.choice([5, "<", "^", "x", 3])
                     for _ in range(rng.randint(0, 3)))
        kw = {k: rng.choice(vals) for k in rng.sample(["x", "y", "a", "b"], rng.randint(0, 2))}
        emit("str.format", [f, args, kw], lambda: f.format(*args, **kw))
        emit("str.format_map", [f, kw], lambda: f.format_map(kw))
    # printf-style formatting
    convs = "diuoxXeEfFgGcsra%"
    for _ in range(count * 2):
        parts = []
        nargs = 0
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.3:
                parts.append(rand_str(3).replace("%", ""))
            flags = "".join(rng.sample("-+ #0", rng.randint(0, 2)))
            width = rng.choice(["", "", str(rng.randint(0, 12)), "*"])
            prec = rng.choice(["", "", "." + str(rng.randint(0, 8)), ".", ".*"])
            conv = rng.choice(convs + "zl")
            parts.append("%" + flags + width + prec + conv)
            nargs += 1 + (width == "*") + (prec == ".*")
        fmt = "".join(parts)
        pool = [rng.randint(-1000, 1000), rng.choice([0, 1, -1, 255, 2**40, -2**70, 10**30]),
                rng.uniform(-1e6, 1e6), rng.choice([0.0, -0.0, 1e300, 1e-300, float("inf"), float("nan"), 0.5, 2.5]),
                rand_str(4), rng.choice(["", "é", "a", "\ud800"]), True, None, b"by", [7],
                rng.randint(0, 0x10FFFF)]
        args = tuple(rng.choice(pool) for _ in range(nargs + rng.choice([0, 0, 0, 1, -1])))
        if len(args) == 1 and rng.random() < 0.5:
            args = args[0]
        emit("mod", [fmt, args], lambda: fmt % args)
    for fmt, args in (("%(a)s %(b)r", {"a": 1, "b": "x"}), ("%(a)s %s", {"a": 1}), ("%s %(a)s", {"a": 1}),
                      ("%d %(a)d", {"a": 1}), ("%(a", {}), ("%", ()), ("%5%", ()), ("%5%", 1),
                      ("x", {}), ("x", []), ("x", ""), ("x", 5), ("%s", []), ("%(a)s", [1]),
                      ("%c", "ab"), ("%c", -1), ("%c", 2.5), ("%*d", ("a", 1)), ("%-*d|", (-5, 3)),
                      ("%.*s", (-1, "abc")), ("%\x01", 1), ("%lld", 5), ("%a", "é\n\U0001f600"),
                      ("%d", float("inf")), ("%d", float("nan")), ("%x", 2.5), ("%f", "1"), ("a%%b", ()),
                      ("%(a)(b)s", {"a)(b": 2})):
        emit("mod", [fmt, args], lambda fmt=fmt, args=args: fmt % args)
    # bytes % args
    bpool = [5, -7, 255, 256, 2.5, float("inf"), b"xy", bytearray(b"q"), b"", "str", None, [1], b"\xff\x00"]
    for _ in range(count):
        parts = []
        nargs = 0
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.3:
                parts.append(rand_bytes(3).replace(b"%", b""))
            flags = "".join(rng.sample("-+ #0", rng.randint(0, 2)))
            width = rng.choice(["", "", str(rng.randint(0, 8)), "*"])
            prec = rng.choice(["", "", "." + str(rng.randint(0, 5)), ".*"])
            conv = rng.choice("diouxXeEfFgGcsbra%z")
            parts.append(("%" + flags + width + prec + conv).encode())
            nargs += 1 + (width == "*") + (prec == ".*")
        fmt = b"".join(parts)
        if rng.random() < 0.3:
            fmt = bytearray(fmt)
        args = tuple(rng.choice(bpool) if rng.random() < 0.8 else rng.randint(0, 9)
                     for _ in range(nargs + rng.choice([0, 0, 0, 1, -1])))
        if len(args) == 1 and rng.random() < 0.5:
            args = args[0]
        emit("mod", [fmt, args], lambda: fmt % args)
    for fmt, args in ((b"%(a)s", {b"a": b"1"}), (b"%(a)s", {"a": b"1"}), (b"x", {}), (b"x", b"ab"),
                      (b"x", bytearray(b"ab")), (b"%\xff", 1), (b"%c", b"ab"), (b"%c", "a"),
                      (b"%c", 256), (b"%r", "\xe9"), (b"%a", b"\xff")):
        emit("mod", [fmt, args], lambda fmt=fmt, args=args: fmt % args)
    # hash: PYTHONHASHSEED=0 in both processes makes ASCII str and bytes hashes comparable
    for _ in range(max(1, count // 4)):
        s = "".join(c for c in rand_str(12, ascii_only=True) if c < "\x80")
        emit("hash", [s], lambda: hash(s))
        b = rand_bytes(12)
        emit("hash", [b], lambda: hash(b))


if "str" in groups:
    gen_str()
if "bytes" in groups:
    gen_bytes("bytes")
if "bytearray" in groups:
    gen_bytes("bytearray")
    gen_bytearray_mut()
if "ops" in groups:
    gen_ops()
cases.close()
expected.close()
