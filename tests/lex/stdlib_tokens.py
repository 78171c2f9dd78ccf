#!/usr/bin/env python3
"""Differential test of aithon's tokenizer against CPython 3.11 (the oracle).

Usage: stdlib_tokens.py LEXDUMP [FILE_OR_DIR...]   (default: the whole stdlib)

For every .py file, the tokens printed by LEXDUMP (tests/lex/lexdump.c) are compared with those
of Python's `tokenize` module -- kind, exact text, start and end -- after translating tokenize's
output to what CPython's C tokenizer (the one aithon reproduces) produces.  The two differ in a
few documented corners, translated here:
  * tokenize emits NL and COMMENT tokens; the C tokenizer does not.
  * tokenize emits OP for every operator and NAME for keywords; we compare exact kinds
    (tok_name[exact_type], keyword upper-cased: LPAR, IF, ...).
  * columns: tokenize counts characters, the C tokenizer bytes of UTF-8; converted to bytes.
  * NEWLINE: tokenize gives (l,c)-(l,c+1) and the newline text; the C token is empty, (l,c)-(l,c).
  * INDENT: tokenize gives (l,0)-(l,w) and the indentation; the C tokenizer no column -- aithon
    puts it where the tokenizer stands, (l,w)-(l,w), empty.  DEDENT likewise, empty at (l,w).
  * end of input: tokenize puts the final DEDENTs and ENDMARKER on line N+1, col 0; CPython's
    tokenizer is still on the last line N, after its line end: (N, len(line N)+1).
Files that tokenize rejects (exception or ERRORTOKEN) are skipped and counted apart.
Prints "N passed, N failed" last; exit status 1 on any failure.
"""
import io, keyword, multiprocessing, os, re, subprocess, sys, sysconfig, token, tokenize

LINE_RE = re.compile(r"(\r\n|\n|\r)")


def split_lines(text):
    parts = LINE_RE.split(text)
    lines = []
    for i in range(0, len(parts) - 1, 2):
        lines.append(parts[i] + parts[i + 1])
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def esc(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\n": out.append("\\n")
        elif ch == "\r": out.append("\\r")
        elif ch == "\t": out.append("\\t")
        elif ch == "\\": out.append("\\\\")
        elif ch == "'": out.append("\\'")
        elif o < 0x20 or o == 0x7F: out.append("\\x%02x" % o)
        else: out.append(ch)
    return "".join(out)


def expected(path):
    """The C tokenizer's tokens for path as dump lines, or None if tokenize rejects it."""
    try:
        with open(path, "rb") as f:
            data = f.read()
        toks = list(tokenize.tokenize(io.BytesIO(data).readline))
    except Exception:
        return None
    enc = toks[0].string if toks and toks[0].type == token.ENCODING else "utf-8"
    try:
        text = data.decode(enc)
    except Exception:
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = split_lines(text)
    nl = len(lines)
    eof = (nl, len(lines[-1].rstrip("\r\n").encode()) + 1) if nl else (1, 0)

    def bcol(l, c):
        if 1 <= l <= nl:
            return len(lines[l - 1][:c].encode())
        return c

    out = []
    for t in toks:
        ty = t.type
        if ty in (token.ENCODING, token.NL, token.COMMENT):
            continue
        if ty == token.ERRORTOKEN:
            return None
        (sl, sc), (el, ec) = t.start, t.end
        sc, ec = bcol(sl, sc), bcol(el, ec)
        s = t.string
        if ty == token.OP:
            kind = token.tok_name[t.exact_type]
        elif ty == token.NAME and keyword.iskeyword(s):
            kind = s.upper()
        else:
            kind = token.tok_name[ty]
        if ty == token.NEWLINE:
            el, ec, s = sl, sc, ""
        elif ty == token.INDENT:
            sc, s = ec, ""
        elif ty in (token.DEDENT, token.ENDMARKER):
            if sl > nl:
                sl, sc = eof
            el, ec, s = sl, sc, ""
        out.append("%d:%d-%d:%d %s '%s'" % (sl, sc, el, ec, kind, esc(s)))
    return out


def run_batch(args):
    lexdump, files = args
    r = subprocess.run([lexdump] + files, capture_output=True)
    got = {}
    cur = None
    for line in r.stdout.decode("utf-8", "surrogateescape").split("\n"):
        if line.startswith("== "):
            cur = line[3:]
            got[cur] = []
        elif cur is not None and line:
            got[cur].append(line)
    results = []
    for f in files:
        exp = expected(f)
        g = got.get(f)
        if exp is None:
            results.append((f, "skip", None))
        elif g is None:
            results.append((f, "fail", "no output from lexdump (crash?)"))
        elif g == exp:
            results.append((f, "pass", None))
        else:
            for i, (a, b) in enumerate(zip(g, exp)):
                if a != b:
                    break
            else:
                i = min(len(g), len(exp))
            results.append((f, "fail", "token %d: got %.200r, expected %.200r" %
                            (i, g[i] if i < len(g) else None, exp[i] if i < len(exp) else None)))
    return results


def main():
    lexdump = sys.argv[1]
    roots = sys.argv[2:] or [sysconfig.get_paths()["stdlib"]]
    files = []
    for r in roots:
        if os.path.isdir(r):
            for d, _, fs in os.walk(r):
                files += [os.path.join(d, f) for f in fs if f.endswith(".py")]
        else:
            files.append(r)
    files.sort()
    batches = [(lexdump, files[i:i + 100]) for i in range(0, len(files), 100)]
    npass = nfail = nskip = 0
    with multiprocessing.Pool() as pool:
        for res in pool.imap(run_batch, batches):
            for f, st, why in res:
                if st == "pass": npass += 1
                elif st == "skip": nskip += 1
                else:
                    nfail += 1
                    if nfail <= 30:
                        print("FAIL %s: %s" % (f, why))
    print("%d files skipped (rejected by tokenize)" % nskip)
    print("%d passed, %d failed" % (npass, nfail))
    sys.exit(1 if nfail else 0)


if __name__ == "__main__":
    main()
