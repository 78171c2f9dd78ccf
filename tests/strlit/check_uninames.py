#!/usr/bin/env python3
"""check_uninames.py - lists \\N{...} lookups with python3's verdict, for
`test_strlit --names FILE` (see check_uninames.sh).

Every character name (the algorithmic Hangul and CJK names included), each in lower case too,
every alias of NameAliases.txt, every named sequence, and near misses of a sample of names
(a character dropped, one added, a space doubled).  The expected code point is what
unicodedata.lookup() returns when that is one character; \\N{} accepts exactly those names
(lookup also accepts named sequences, which \\N{} rejects: they are expected to fail).
"""
import sys
import unicodedata

ALIASES = "/usr/share/unicode/NameAliases.txt"
SEQUENCES = "/usr/share/unicode/NamedSequences.txt"


def verdict(name):
    try:
        ch = unicodedata.lookup(name)
    except KeyError:
        return "-"
    return "%X" % ord(ch) if len(ch) == 1 else "-"


def candidates():
    for cp in range(0x110000):
        n = unicodedata.name(chr(cp), None)
        if n:
            yield n
            yield n.lower()
            if cp % 7 == 0:
                yield n[:-1]
                yield n + "A"
                yield n.replace(" ", "  ", 1)
                yield n.replace("-", " ", 1)
    for path in (ALIASES, SEQUENCES):
        try:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    line = line.split("#", 1)[0].strip()
                    if line:
                        name = line.split(";")[1 if path == ALIASES else 0].strip()
                        yield name
                        yield name.lower()
        except OSError:
            print("note: %s not found" % path, file=sys.stderr)


def main():
    out = sys.stdout
    for n in candidates():
        if "\t" in n or "\n" in n or len(n.encode()) > 400:
            continue
        out.write("%s\t%s\n" % (n, verdict(n)))


if __name__ == "__main__":
    main()
