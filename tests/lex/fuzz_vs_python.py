#!/usr/bin/env python3
"""Mutation fuzzing of the tokenizer against CPython 3.11: random slices of real files with a
few random edits (quotes, backslashes, brackets, digits, line ends, non-ASCII...) go through
LEXDUMP (ideally built with ASan/UBSan) and through compile().  A crash, a lexer error on a
source CPython accepts, or a tokenizer error of CPython's that the lexer does not reproduce
(message, class, line, offset) is a failure.

Usage: fuzz_vs_python.py LEXDUMP SEED FILELIST   (FILELIST: one .py path per line)
"""
import random, subprocess, os, re, sys, warnings, tempfile
warnings.filterwarnings("ignore")
sys.path.insert(0, "tests/lex")
from error_cases import TOKENIZER_MESSAGES
random.seed(int(sys.argv[2]))
files = open(sys.argv[3]).read().split()
alphabet = ["'", '"', "\\", "\n", "\r", "\t", " ", "(", ")", "[", "]", "{", "}", "#", "0", "x", "e", "E", "j", "_", ".", "\f", "\xe9", "\u20ac", "1", "o", "b", "'''", '"""', "    ", "\r\n", "$", "<>", "\u00a0", "f", "r"]
tmp = tempfile.mkdtemp(prefix="aithon_fuzz_")
cases = []
for i in range(3000):
    f = random.choice(files)
    try: text = open(f, encoding="utf-8").read()
    except Exception: continue
    lines = text.split("\n")
    a = random.randrange(len(lines)); b = min(len(lines), a + random.randint(1, 15))
    s = "\n".join(lines[a:b])
    # dedent to make it mostly valid
    s = "\n".join(l[len(lines[a]) - len(lines[a].lstrip()):] if l.startswith(lines[a][:len(lines[a]) - len(lines[a].lstrip())]) else l for l in s.split("\n"))
    for _ in range(random.randint(0, 3)):
        pos = random.randint(0, len(s))
        op = random.random()
        if op < 0.5: s = s[:pos] + random.choice(alphabet) + s[pos:]
        elif op < 0.8: s = s[:pos] + s[pos + 1:]
        else: s = s[:pos]
    p = os.path.join(tmp, "f%04d.py" % i)
    open(p, "wb").write(s.encode("utf-8"))
    cases.append((p, s))
out = subprocess.run([sys.argv[1]] + [p for p, _ in cases], capture_output=True)
if out.returncode != 0 or out.stderr:
    print("ASAN/crash:", out.stderr.decode()[-3000:]); sys.exit(1)
ours = {}
cur = None
for line in out.stdout.decode("utf-8", "replace").split("\n"):
    if line.startswith("== "): cur = line[3:]; ours[cur] = None
    elif line.startswith("ERROR "):
        kind, ln, col, msg = line[6:].split(" ", 3); ours[cur] = (kind, int(ln), int(col), msg)
bad = 0
for p, s in cases:
    data = s.encode()
    try:
        compile(data, "x", "exec"); exp = None
    except SyntaxError as e:
        exp = (type(e).__name__, e.msg, e.lineno, e.offset)
    except Exception as e:
        exp = ("other", str(e), 0, 0)
    got = ours[p]
    if data.endswith(b"\r\n"):
        continue   # compile() of a string ending in \r\n sees one line more than a file does
    if exp and not exp[2] and got and got[3] == exp[1]:
        continue   # an error without a location (decoding): the message is all there is
    if exp is None:
        if got is not None:
            bad += 1; print("SPURIOUS", repr(s[:300]), got)
    elif exp[1].startswith(("f-string", "(unicode error)")):
        continue   # errors inside string literals: the string parser's, not the lexer's
    elif TOKENIZER_MESSAGES.search(exp[1]) and exp[1] != "invalid syntax":
        if got is None:
            bad += 1; print("MISSED", repr(s[:300]), exp)
        else:
            lines = re.split(rb"\r\n|\n|\r", data)
            ln = got[1]
            off = len(lines[ln-1][:got[2]].decode("utf-8","replace")) + 1 if 1 <= ln <= len(lines) else got[2] + 1
            if (got[0], got[3], got[1]) != exp[:3] or (exp[3] != off and exp[3] != got[2] + 1):
                bad += 1; print("DIFF", repr(s[:300]), "\n   got", got, off, "\n   exp", exp)
print("%d passed, %d failed" % (len(cases) - bad, bad))
sys.exit(1 if bad else 0)
