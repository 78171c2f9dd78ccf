#!/usr/bin/env python3
"""compare_sweep.py EXPECTED ACTUAL - compares the per-code-point sweep in blocks of 4096 code
points (one case each: 272 in all); prints the first differing code point of each failing block,
then 'N passed, N failed'."""
import sys

BLOCK = 4096
with open(sys.argv[1], encoding="utf-8", errors="surrogateescape") as f:
    exp = f.read().split("\n")
with open(sys.argv[2], encoding="utf-8", errors="surrogateescape") as f:
    act = f.read().split("\n")
passed = failed = 0
for b in range(0, 0x110000, BLOCK):
    bad = next((i for i in range(b, b + BLOCK) if i >= len(act) or exp[i] != act[i]), None)
    if bad is None:
        passed += 1
        continue
    failed += 1
    print("MISMATCH U+%04X" % bad)
    print("  expected: %s" % exp[bad])
    print("  actual:   %s" % (act[bad] if bad < len(act) else "<missing>"))
print("%d passed, %d failed" % (passed, failed))
