#!/usr/bin/env python3
"""sweep.py OUT - python3's answers for every code point, in strdiff.c --sweep's format:
   <cp hex> <flags> <lower> <upper> <title> <casefold> <repr of repr>
flags: isalpha isdecimal isdigit isnumeric isprintable isspace islower isupper istitle
isidentifier, ('a'+c).isidentifier(), isalnum (0/1 each), then len(c.splitlines())."""
import sys

def hexes(s):
    return ",".join("%x" % ord(c) for c in s)

with open(sys.argv[1], "w", encoding="utf-8", errors="surrogatepass") as out:
    w = out.write
    for cp in range(0x110000):
        c = chr(cp)
        flags = "".join("1" if f else "0" for f in (
            c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isprintable(),
            c.isspace(), c.islower(), c.isupper(), c.istitle(), c.isidentifier(),
            ("a" + c).isidentifier(), c.isalnum()))
        w("%x %s%d %s %s %s %s %s\n" % (cp, flags, len(c.splitlines()), hexes(c.lower()),
                                         hexes(c.upper()), hexes(c.title()), hexes(c.casefold()),
                                         repr(repr(c))))
