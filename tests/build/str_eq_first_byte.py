# == and != of two exact strs (typed code): identical objects, different sizes, different
# first bytes, equal first bytes with a later difference, empty strs, non-ASCII text.


def scan(text):
    counts = [0, 0, 0, 0]
    for ch in text:
        if ch == "\n":
            counts[0] += 1
        elif ch == "é":
            counts[1] += 1
        elif ch != " ":
            counts[2] += 1
        if ch == "":
            counts[3] += 1
    return counts


def pairs(words):
    out = []
    for a in words:
        row = ""
        for b in words:
            row += "=" if a == b else ("!" if a != b else "?")
        out.append(row)
    return out


def main():
    print(scan("ab\ncé é\n  z"), scan(""))
    words = ["", "a", "b", "ab", "ac", "ba", "é", "è", "éa", "ée", "abc", "abd", "a" * 40,
             "a" * 39 + "b", "\x00", "\x00\x00"]
    for row in pairs(words):
        print(row)
    s = "".join(["x", "y"])
    print(s == "xy", s != "xy", s == "xz", s == "yx", "" == "".join([]))


main()
