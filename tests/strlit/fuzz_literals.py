#!/usr/bin/env python3
"""fuzz_literals.py - random string atoms (f-strings, escapes, prefixes, concatenation)
through aithon and python3; they must agree.

    python3 tests/strlit/fuzz_literals.py [--aithon PATH] [--n N] [--seed S] [-v]

The atoms are built from fragments chosen to hit the scanner's corners: braces, conversions,
format specs, `=`, quotes inside fields, backslashes, \\N{...}, truncated escapes, '#',
brackets, non-ASCII text, newlines in triple-quoted strings.  For each one python3's verdict is
taken (ast.dump with positions, or the SyntaxError); errors from the expression grammar are the
parser's business and are skipped (only the literal errors listed below are compared).  The
same seed gives the same cases.  Last line: 'N passed, N failed'.
"""
import argparse
import ast
import io
import os
import random
import subprocess
import sys
import tempfile
import tokenize

LITERAL_ERRORS = ("f-string: expecting", "f-string: single", "f-string: empty",
                  "f-string: expression required", "f-string expression part",
                  "f-string: unmatched", "f-string: closing", "f-string: invalid conversion",
                  "f-string: unterminated", "f-string: expressions nested",
                  "(unicode error)", "(value error)", "bytes can only", "cannot mix",
                  "f-string: too many")

FIELD_PARTS = ["x", "y", " ", "x.y", "x[0]", "(x)", "!r", "!s", "!a", "!", "!z", ":", ":>10",
               "=", " = ", "==", "!=", "<=", ">", "{", "}", "{x}", "'a'", '"b"', "'''c'''",
               "[", "]", "(", ")", "#", "\\", "\n", "é", "x if y else z", "lambda: 1",
               ":{x}", ":{x:{y}}", ":{{", "}}", "{{", "'}'", "'{'", ":%H", "!r:^{w}"]
TEXT_PARTS = ["a", " ", "{{", "}}", "{", "}", "\\n", "\\x41", "\\x4", "\\u00e9", "\\U0001F600",
              "\\N{EM DASH}", "\\N{em dash}", "\\N{NOPE}", "\\N", "\\N{", "\\{", "\\}", "\\",
              "\\q", "\\777", "é", "日本", "\n", "\\\n", "'", '"', "#", "!", ":", "="]
PREFIXES = ["", "f", "F", "r", "rf", "fR", "u", "U", "b", "rb", "Br"]
QUOTES = ["'", '"', "'''", '"""']


def make_field(rng):
    return "{" + "".join(rng.choice(FIELD_PARTS) for _ in range(rng.randint(1, 4))) + "}"


def make_token(rng):
    prefix = rng.choice(PREFIXES)
    q = rng.choice(QUOTES)
    body = []
    for _ in range(rng.randint(0, 5)):
        if "f" in prefix.lower() and rng.random() < 0.5:
            body.append(make_field(rng))
        else:
            body.append(rng.choice(TEXT_PARTS))
    text = "".join(body)
    if "b" in prefix.lower():
        text = text.replace("é", "e").replace("日本", "jp")
    if len(q) == 1:
        text = text.replace("\n", " ")
    # keep the token a token: no unescaped closing quote inside, no trailing backslash
    text = text.replace(q[0], "\\" + q[0] if "r" not in prefix.lower() else "")
    if text.endswith("\\"):
        text += "\\"
    return prefix + q + text + q


def is_one_string(tok):
    """True when python3's tokenizer reads tok as exactly one STRING token."""
    try:
        got = [t for t in tokenize.generate_tokens(io.StringIO(tok).readline)
               if t.type not in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER)]
    except (tokenize.TokenError, SyntaxError):
        return False
    return len(got) == 1 and got[0].type == tokenize.STRING and got[0].string == tok


def make_atom(rng):
    toks = []
    n = rng.choice([1, 1, 1, 2, 3])
    while len(toks) < n:
        t = make_token(rng)
        if is_one_string(t):   # lexer errors are not what this test is about
            toks.append(t)
    sep = rng.choice([" ", "\n    "])
    return "x = (" + sep.join(toks) + ")\n"


def verdict(src):
    try:
        return "ok", ast.dump(ast.parse(src.encode("utf-8")), include_attributes=True)
    except SyntaxError as e:
        if e.msg.startswith(LITERAL_ERRORS):
            return "err", "%s:%s: SyntaxError: %s" % (e.lineno, e.offset or 0, e.msg)
        return None
    except Exception:
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aithon", default=os.environ.get("AITHON", "build/aithon"))
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    npass = nfail = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "fuzz.py")
        done = 0
        while done < args.n:
            src = make_atom(rng)
            v = verdict(src)
            if v is None:
                continue
            done += 1
            with open(path, "w", encoding="utf-8") as f:
                f.write(src)
            flags = ["--dump-ast", "--positions"] if v[0] == "ok" else []
            try:
                r = subprocess.run([args.aithon, "parse"] + flags + [path],
                                   capture_output=True, timeout=30)
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
                    print("ok   %r" % src)
            else:
                nfail += 1
                want = v[1]
                i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]),
                         min(len(got), len(want)))
                print("FAIL %r\n  got:  ...%s\n  want: ...%s" %
                      (src, got[max(0, i - 100):i + 150], want[max(0, i - 100):i + 150]))
    print("%d passed, %d failed" % (npass, nfail))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
