# Fast paths of str operations and their boundaries with the general paths: indexing ASCII and
# non-ASCII text (forward scans, backward jumps, negative and out-of-range indices).

def indexing():
    a = "hello, world"
    u = "héllo wörld " * 20 + "日本語テキスト" + "end"
    print(a[0], a[-1], a[5], repr(a[6]))
    out = []
    for i in range(0, len(u), 7):
        out.append(u[i])
    print("".join(out))
    out = []
    for i in range(len(u) - 1, -1, -13):
        out.append(u[i])
    print("".join(out))
    print(u[-1], u[-len(u)], u[len(u) - 4])
    for s, i in ((a, len(a)), (a, -len(a) - 1), (u, 10 ** 3), ("", 0), ("é", 1)):
        try:
            s[i]
        except IndexError as e:
            print("IndexError:", e)
    try:
        a["x"]
    except TypeError as e:
        print("TypeError:", e)
    print(a[True], u[False])


def compare_and_contains():
    chars = ["a", "b", "A", " ", "~", "\x7f", "é", "ÿ", "Ā", "日", "\U0001f600", "", "ab", "abc", "b\x00"]
    rows = []
    for x in chars:
        row = []
        for y in chars:
            row.append("".join("1" if r else "0" for r in (x < y, x <= y, x > y, x >= y, x == y, x != y)))
        rows.append(" ".join(row))
    print("\n".join(rows))
    for ch in ["a", " ", "\t", "é", "日", "\x00", "", "ab", "ü"]:
        print(repr(ch), ch in " \t\n\r", ch in "xaby", ch in "héllo 日本", ch in "", ch in "\x00z")
    try:
        3 in "abc"
    except TypeError as e:
        print("TypeError:", e)
    # 'ü' is c3 bc; 'ì' is c3 ac: a one-byte needle never matches a continuation byte
    print("\xbc" in "ü", "\xc3" in "ü", "ü" in "ìü", "ü" in "ì")


def scan():
    # a lexer's pattern over non-ASCII text: the same position twice, then the next one,
    # across the 64-code-point blocks of the index, then jumps back
    u = ("aé日\U0001f600b" * 40) + "tail"
    out = []
    i = 0
    while i < len(u):
        c = u[i]
        if u[i] == c:
            out.append(c)
        i += 1
    print("".join(out) == u, len(out))
    print(u[130], u[129], u[128], u[64], u[63], u[65], u[199], u[0], u[-1])
    j = 0
    acc = []
    for k in range(len(u) - 1, 0, -37):
        acc.append(u[k] + u[k - 1] + u[j])
        j += 3
    print("".join(acc))


indexing()
scan()
compare_and_contains()
