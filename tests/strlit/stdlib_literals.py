#!/usr/bin/env python3
"""stdlib_literals.py - every string atom and number of python3's standard library through
aithon, compared with python3's ast (the oracle).

    python3 tests/strlit/stdlib_literals.py [--aithon PATH] [--chunk N] [--files GLOB] [-v]

Each run of adjacent STRING tokens (one atom, comments and line breaks between them kept) and
each NUMBER token of every .py file under the stdlib (test/ and site-packages included) is
copied, deduplicated, into synthetic files as

    (
    <the atom's own column of spaces><the atom's text, verbatim>
    )

so that each keeps the column it had (f-string positions depend on it).  python3 and
`aithon parse --dump-ast --positions` must give the same dump for each synthetic file; a
differing file is split until the differing atoms are found, which are printed.
Last line: 'N passed, N failed', one test per atom.
"""
import argparse
import ast
import glob
import io
import os
import subprocess
import sys
import sysconfig
import tempfile
import tokenize

SKIP = {tokenize.NL, tokenize.COMMENT}


def atoms_of(path):
    try:
        src = open(path, "rb").read()
        text = src.decode("utf-8")
        toks = list(tokenize.tokenize(io.BytesIO(src).readline))
    except Exception:
        return
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln))

    def off(pos):
        return offsets[pos[0] - 1] + pos[1]

    i = 0
    while i < len(toks):
        t = toks[i]
        if t.type == tokenize.NUMBER:
            yield t.start[1], t.string
        if t.type != tokenize.STRING:
            i += 1
            continue
        j = last = i
        while j + 1 < len(toks) and (toks[j + 1].type in SKIP or toks[j + 1].type == tokenize.STRING):
            j += 1
            if toks[j].type == tokenize.STRING:
                last = j
        yield t.start[1], text[off(t.start):off(toks[last].end)]
        i = last + 1


def synth(atoms):
    return "".join("(\n%s%s\n)\n" % (" " * col, a) for col, a in atoms)


def python_dump(src):
    try:
        return ast.dump(ast.parse(src), include_attributes=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def aithon_dump(aithon, src, tmpdir):
    path = os.path.join(tmpdir, "atoms.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(src)
    try:
        r = subprocess.run([aithon, "parse", "--dump-ast", "--positions", path],
                           capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return "<timeout>"
    if r.returncode != 0:
        return "<exit %d> %s" % (r.returncode, r.stderr.decode("utf-8", "replace")[:500])
    return r.stdout.decode("utf-8", "replace").rstrip("\n")


def check(aithon, atoms, tmpdir, bad):
    """Compares a list of atoms as one file; splits it to find the bad ones."""
    src = synth(atoms)
    want = python_dump(src)
    if want is None:
        if len(atoms) == 1:
            return 0   # python3 rejects it on its own (a deliberate error in a test file)
        mid = len(atoms) // 2
        return check(aithon, atoms[:mid], tmpdir, bad) + check(aithon, atoms[mid:], tmpdir, bad)
    got = aithon_dump(aithon, src, tmpdir)
    if got == want:
        return len(atoms)
    if len(atoms) == 1:
        bad.append((atoms[0], got, want))
        return 0
    mid = len(atoms) // 2
    return check(aithon, atoms[:mid], tmpdir, bad) + check(aithon, atoms[mid:], tmpdir, bad)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aithon", default=os.environ.get("AITHON", "build/aithon"))
    ap.add_argument("--chunk", type=int, default=3000)
    ap.add_argument("--files", default=None)
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    stdlib = sysconfig.get_paths()["stdlib"]
    pattern = args.files or os.path.join(stdlib, "**", "*.py")
    seen = set()
    atoms = []
    for path in sorted(glob.glob(pattern, recursive=True)):
        for a in atoms_of(path):
            if a not in seen:
                seen.add(a)
                atoms.append(a)
    ok = 0
    bad = []
    with tempfile.TemporaryDirectory() as tmpdir:
        for k in range(0, len(atoms), args.chunk):
            ok += check(args.aithon, atoms[k:k + args.chunk], tmpdir, bad)
            if args.v:
                print("%d/%d atoms, %d bad" % (k + args.chunk, len(atoms), len(bad)),
                      file=sys.stderr)
    for (col, a), got, want in bad[:50]:
        i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]),
                 min(len(got), len(want)))
        print("FAIL %r (col %d)\n  got:  ...%s\n  want: ...%s" %
              (a[:200], col, got[max(0, i - 100):i + 100], want[max(0, i - 100):i + 100]))
    print("%d passed, %d failed" % (ok, len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
