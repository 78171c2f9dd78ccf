#!/usr/bin/env python3
"""compare.py CASES EXPECTED ACTUAL [MAX_SHOWN] - compares strdiff.c's output with python3's
answers line by line; prints each mismatch (case, expected, actual), then 'N passed, N failed'.
Each case counts once; a case with no output line (the driver crashed) fails."""
import sys

cases = {}
with open(sys.argv[1], encoding="utf-8", errors="surrogateescape") as f:
    for line in f:
        cid = line.split("\t", 1)[0]
        cases[cid] = line.rstrip("\n")


def load(path):
    out = {}
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            cid, _, res = line.rstrip("\n").partition("\t")
            out[cid] = res
    return out


expected, actual = load(sys.argv[2]), load(sys.argv[3])
max_shown = int(sys.argv[4]) if len(sys.argv) > 4 else 50
passed = failed = shown = 0
for cid, case in cases.items():
    exp, act = expected.get(cid), actual.get(cid)
    if exp == act:
        passed += 1
        continue
    failed += 1
    if shown < max_shown:
        shown += 1
        print("MISMATCH %s" % case)
        print("  expected: %s" % exp)
        print("  actual:   %s" % act)
print("%d passed, %d failed" % (passed, failed))
