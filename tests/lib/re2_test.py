# re: inline flags, Unicode whitespace, lookarounds, possessive/atomic, non-ASCII offsets
import re
cases = [
    (r"(?a)\w+", "héllo"), (r"(?u)\w+", "héllo"), (r"\s+", "a\x1cb\x1f c"), (r"[\s]+", "a\x1c b"),
    (r"(?i:AB)c", "abc"), (r"(?x) a b # c", "ab"), (r"a(?=b)", "ab"), (r"(?<=a)b", "ab"), (r"(?<!a)b", "cb"),
    (r"(a)(?(1)b|c)", "ab"), (r"\x41\101\0", "AA\x00"), (r"[\d\-]+", "12-3"),
    (r"a++b", "aab"), (r"(?>a+)b", "aab"), (r"[^\W\d]+", "ab12"), (r"\$\.\^", "$.^"), (r"(?m)^$", "a\n\nb"),
    (r"\B", "ab"), (r"(?s:.)", "\n"), (r"[a-c]{2}?", "abc"), (r"(?#comment)x", "x"), (r"\w+", "日本語 text"),
    (r"(?i)ß", "SS"), (r"(?i)[k]", "\u212a"), (r"(?i)σ", "Σς"), (r"x{2,}", "xxxx"), (r"{", "{"), (r"a{1", "a{1"),
    (r"\d+(?P<x>\.\d+)?", "3.14"), (r"[[]", "["), (r"\\", "\\"), (r"\u1234", "\u1234"),
]
for p, s in cases:
    try:
        print(repr(p), [m.group() for m in re.finditer(p, s)])
    except Exception as e:
        print(repr(p), type(e).__name__, e)
print(re.sub(r"é", "e", "ééé"), re.split(r"é", "aébéc"), [m.span() for m in re.finditer("b", "ébéb")])
print(re.search("c", "ébéc", 2), re.compile("é").search("aéé", 2).span())
print(re.match(r"(?i)(a)(b)", "AB").lastindex, re.compile("(?a)x").flags, re.compile("(?s)x"))
print(re.match(r"(x)(?i:(y))(z)", "xYz").lastindex, re.findall(r"\S+", "a\x1db c"))
