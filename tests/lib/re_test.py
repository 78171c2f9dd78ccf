# re: matching semantics, Match/Pattern API, sub templates, errors (expected output from CPython 3.11)
import re

print(re.compile("a+"), re.compile("a", re.I), re.compile("x", re.I | re.M), re.compile("y", re.A))
print(re.I, re.I | re.S, re.compile("z").flags, re.compile("z", re.X).flags)
m = re.search(r"(?P<w>\w+) (\d+)", "xx hello 42 yy")
print(m)
print(m.span("w"), m.regs, m.lastindex, m.lastgroup, m.re.pattern, m.expand(r"[\2:\g<w>]"))
print(m.group(0, "w", 2), m[0], m.start(), m.end(2), m.pos, m.endpos)
print(re.match(r"(a)|(b)", "b").lastindex, re.match(r"(a)()", "a").lastindex, re.match(r"x", "x").lastindex)
print(re.match(r"((a)(b))", "ab").lastindex, re.match(r"(?:(a)|b)+", "ab").groups())
print(re.findall(r"é+", "ééa é"), re.search(r"\d", "٣").group(), re.search(r"\d", "٣", re.A))
print(re.findall(r"\bw\w*", "wow, what a world"), re.findall(r"\s", "a\u00a0b c"))
print(re.sub(r"(a)(b)?", r"[\1|\2]", "ab a"), re.sub(r"a", r"\n\t\\", "xa"), re.sub("a", "\\&", "a"))
print(re.subn(r"", "-", "abc"), re.sub(r"\b", "|", "hi there"))
print(re.split(r"\b", "hi there"), re.split(r"(?=b)", "abab"), re.split(r"", "abc"))
print(re.split(r"(a)|(b)", "xaybz"), re.split("x", "axbxc", 1))
print(re.findall(r"(a)(b)?", "ab a"), re.findall(r"a|", "aba"))
print(list(m.span() for m in re.finditer(r"\w*", "ab cd")))
p = re.compile(r"\d+")
print(p.findall("1 22 333", 2), p.findall("1 22 333", 0, 4), p.search("abc123", 1, 5))
print(p.match("x12", 1), p.fullmatch("123", 0, 2), p.sub("#", "a1b22"), p.split("a1b22c"))
print(re.escape("a b\tc.d-e_f:g"), re.escape("ü∆"))
print(re.match(r"\u00e9\U0001F600", "é😀").span(), re.match(r"a{,2}", "aaa").group())
print(re.match(r"\Aab\Z", "ab"), re.match(r"ab$", "ab\n"), re.search(r"ab\Z", "ab\n"))
print(re.match(r"[]a]+", "]a]").group(), re.match(r"[^]]+", "ab]").group(), re.match(r"[[:a]+", ":[a").group())
print(re.match(r"(?i)ǅ", "ǆ"), re.fullmatch(r"(?s).+", "a\nb").group())
print(re.sub(r"(?P<x>\d)", lambda m: m["x"] * 2, "a1b2"), re.sub(r"x", lambda m: "", "axbx"))
print(re.match(r"(a)(?P<n>b)(c)", "abc").groupdict(), re.compile(r"(a)(?P<n>b)(?P<m>c)").groupindex)
print(repr(re.compile("'\"")), bool(re.match("", "")), re.purge())
for bad in ["(", ")", "[a", "a**", "(?P<1>x)", "x{3,2}", "?", "(?P=nope)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print("error", repr(bad), e.msg)
for bad in [r"\q", r"\g<9>", r"\g<zz>", r"\9"]:
    try:
        re.sub(r"(a)", bad, "a")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.match(r"a", 5)
except TypeError as e:
    print("TypeError", e)
try:
    re.match(r"(a)", "a").group(3)
except IndexError as e:
    print("IndexError", e)
