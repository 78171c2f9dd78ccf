# str.is*() on ASCII text (the byte-class table) and at its boundary with non-ASCII text.
preds = ["isalnum", "isalpha", "isdecimal", "isdigit", "isnumeric", "isprintable", "isspace"]
for name in preds:
    bits = "".join("1" if getattr(chr(c), name)() else "0" for c in range(128))
    print(name, bits)
samples = ["", "abc", "abc1", "123", "12 3", " \t\n", "\x1c\x1d\x1e\x1f", "\x0b\x0c\r", "ab_c",
           "~}{", "a\x7f", "héllo", "é", "٣", "½", "\u00a0", " \u00a0", "x\u2028", "Ⅻ", "日本",
           "abc日", "123٣", "\x85"]
for s in samples:
    print(repr(s), "".join("1" if getattr(s, name)() else "0" for name in preds))
