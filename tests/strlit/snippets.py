#!/usr/bin/env python3
"""snippets.py - the source snippets that CPython's own tests compile (test_fstring's
assertAllRaise lists, eval() strings, ...), through aithon, compared with python3.

    python3 tests/strlit/snippets.py [--aithon PATH] [--files GLOB] [-v]

Every str constant of the stdlib's test/*.py files that looks like literal-related code (it
holds a quote and a backslash, a brace or a number, and is under 4 KB) is parsed by python3
(as bytes, so that error offsets are byte offsets like aithon's columns):
  - when python3 reports a literal error ("f-string...", "(unicode error)...", "(value
    error)...", "bytes can only...", "cannot mix...", "Exceeds the limit..."), aithon must
    report the same message at the same line and offset;
  - when python3 accepts it and it contains a string literal, the dumps (with positions) must
    be identical.
Other snippets (other syntax errors) are the parser's business and are skipped.
Last line: 'N passed, N failed'.
"""
import argparse
import ast
import glob
import os
import re
import subprocess
import sys
import sysconfig
import tempfile

LITERAL_ERRORS = ("f-string", "(unicode error)", "(value error)", "bytes can only",
                  "cannot mix", "Exceeds the limit")


def snippets(files):
    seen = set()
    for path in files:
        try:
            tree = ast.parse(open(path, "rb").read())
        except Exception:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                s = node.value
                if (len(s) < 4096 and s not in seen and ("'" in s or '"' in s)
                        and re.search(r"[\\{]|\d", s) and "\0" not in s):
                    try:
                        s.encode("utf-8")
                    except UnicodeEncodeError:
                        continue
                    seen.add(s)
                    yield s


def verdict(src):
    """('ok', dump) or ('err', 'line:offset: msg') or None to skip."""
    try:
        tree = ast.parse(src.encode("utf-8"))
    except SyntaxError as e:
        if not e.msg.startswith(LITERAL_ERRORS):
            return None
        return "err", "%s:%s: SyntaxError: %s" % (e.lineno, e.offset or 0, e.msg)
    except Exception:
        return None
    if not any(isinstance(n, (ast.Constant, ast.JoinedStr)) and
               isinstance(getattr(n, "value", None), (str, bytes, list)) for n in ast.walk(tree)):
        return None
    return "ok", ast.dump(tree, include_attributes=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aithon", default=os.environ.get("AITHON", "build/aithon"))
    ap.add_argument("--files", default=None)
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    stdlib = sysconfig.get_paths()["stdlib"]
    files = sorted(glob.glob(args.files or os.path.join(stdlib, "test", "**", "*.py"),
                             recursive=True))
    npass = nfail = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "snippet.py")
        for src in snippets(files):
            v = verdict(src)
            if v is None:
                continue
            with open(path, "w", encoding="utf-8") as f:
                f.write(src)
            flags = ["--dump-ast", "--positions"] if v[0] == "ok" else []
            try:
                r = subprocess.run([args.aithon, "parse"] + flags + [path], capture_output=True,
                                   timeout=30)
                out = r.stdout.decode("utf-8", "replace").rstrip("\n")
                err = r.stderr.decode("utf-8", "replace").split("\n", 1)[0]
                rc = r.returncode
            except subprocess.TimeoutExpired:
                out, err, rc = "", "<timeout>", -1
            if v[0] == "ok":
                good = rc == 0 and out == v[1]
                got = out if rc == 0 else err
            else:
                got = err[len(path) + 1:] if err.startswith(path + ":") else err
                good = rc == 1 and got == v[1]
            if good:
                npass += 1
                if args.v:
                    print("ok   %r" % src[:100])
            else:
                nfail += 1
                want = v[1]
                i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]),
                         min(len(got), len(want)))
                print("FAIL %r\n  got:  ...%s\n  want: ...%s" %
                      (src[:300], got[max(0, i - 100):i + 150], want[max(0, i - 100):i + 150]))
    print("%d passed, %d failed" % (npass, nfail))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
