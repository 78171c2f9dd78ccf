#!/usr/bin/env python3
"""Compares the lexer's XID_Start / XID_Continue (tests/lex/xidcheck.c output on stdin) with
CPython's str.isidentifier() for every code point >= U+0080.  Code points that CPython's
Unicode database (14.0) does not assign are ignored: utf8proc may know a newer Unicode.
Prints "N passed, N failed"."""
import sys, unicodedata
ours = {}
for line in sys.stdin:
    cp, fl = line.split()
    ours[int(cp, 16)] = fl
bad = 0
n = 0
for c in range(0x80, 0x110000):
    if 0xD800 <= c <= 0xDFFF:
        continue
    ch = chr(c)
    if unicodedata.category(ch) == "Cn":
        continue
    n += 1
    py = ("S" if ch.isidentifier() else "") + ("C" if ("a" + ch).isidentifier() else "")
    if ours.get(c, "") != py:
        bad += 1
        if bad < 40:
            print("U+%04X %s: ours %r, python %r" % (c, unicodedata.name(ch, "?"), ours.get(c, ""), py))
print("%d passed, %d failed" % (n - bad, bad))
sys.exit(1 if bad else 0)
