#!/usr/bin/env python3
"""Error and corner cases of the tokenizer, checked against CPython 3.11 (the oracle).

Usage: error_cases.py LEXDUMP

Each case is a source text.  CPython compiles it (compile() on the bytes; `python3 FILE` for
the decoding cases, whose messages differ between the two); LEXDUMP tokenizes it.  Then:
  * CPython raises a tokenizer error (a message in TOKENIZER_MESSAGES): aithon's lexer must
    report the same class and message on the same line, and its column must give the same
    SyntaxError.offset (col + 1, counted in characters);
  * otherwise (valid source, or an error of the parser or the compiler) the lexer must
    report nothing.  (`$ ? <>` and a backquote are tokens that the parser rejects, no error.)
Prints "N passed, N failed" last.
"""
import os, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stdlib_tokens  # noqa: E402  (the tokenize-based oracle)

TOKENIZER_MESSAGES = re.compile(
    r"unterminated (triple-quoted )?string literal|unindent does not match|"
    r"inconsistent use of tabs|too many levels of indentation|too many nested parentheses|"
    r"unexpected character after line continuation|unexpected EOF while parsing|"
    r"invalid character|invalid non-printable character|invalid (decimal|hexadecimal|octal|"
    r"binary|imaginary) literal|invalid digit|leading zeros|unmatched|closing parenthesis|"
    r"was never closed|null bytes|Non-UTF-8|encoding problem|unicode error")

CASES = [
    # indentation
    "if 1:\n  x\n y\n", "if 1:\n\tx\n        y\n", "if 1:\n        x\n\ty\n", "if 1:\n  x\n    y\n",
    "if 1:\n\tx\n\ty\n", "if 1:\n \tx\n \ty\n", "if 1:\n \tx\n\ty\n", "if 1:\n\t x\n        y\n",
    "if 1:\n  x\n\f  y\n", "if 1:\n  x\n  \f y\n", "if 1:\n  x = 1\n    # c\n  y\n",
    "if 1:\n  x\n\n\n\n  y\n", "if 1:\n  if 2:\n    x\ny\n", "if 1:\n  if 2:\n    x\n y\n",
    "a\n  \\\nb\n", "\\\n  b\n", "if 1:\n  x\n  \\\n y\n", "if 1:\n  \\\n    x\n",
    "if 1:\n  x\n   \\\n  y\n", "x = 1\n\\\n", "if 1:\n pass\n\\\n", "x=1\n\n   \\\n",
    "".join(" " * i + "if 1:\n" for i in range(99)) + " " * 99 + "x\n",
    "".join(" " * i + "if 1:\n" for i in range(100)) + " " * 100 + "x\n",
    "if 1:\n  x\n\t\n", "if 1:\n  x\n  # c\n", "if x:\n", "if x:", "if 1:\n  x", "if 1:\n  x\n  ",
    "if 1:\n    x\n  y\n", "class A:\n\tdef f(self):\n\t\treturn 1\n        x = 2\n",
    # continuation
    "x = 1\ny = \\ 2\n", "x = 1 + \\", "x = 1 + \\\n", "x\\\n", "x =\\\n  1\n", "x = 1 \\ # c\n",
    "x = (1 +\\\n 2)\n", "{\\", "x = [1,\n  (2 + \\\n", "x = 1 + \\\n\n", "éé = 1 \\ x\n", "x = [1,\\\n2]\n", "x = \\\r\n1\r\n",
    # strings
    "x = 'abc\n", "x = '''abc\n", "x = '''abc", "x = '''abc\n\n\n", "x = 'abc\\\ndef\n", "'abc",
    "x = 'a\\\n", "x = 'a\\", "'''a\n\\", "'a' 'b\n", "x = \"abc\n", "x = rb'abc\n", "x = f'abc\n",
    "x = 'ééé\n", "x = '''a''''\n", "x = ''''a'''\n", "x = '''a\\'''\n", "x = 'a\\'\n",
    "x = \"\"\"a\"\"b\"\"\"\n", "x = ''\ny = ''''''\n", "x = u'a' U'b' R'c' B'd' F'e'\n",
    "x = bR'a' Rb'b' fR'c' Rf'd' rF'e'\n", "x = ur'a'\n", "x = bu'a'\n", "x = fb'a'\n",
    "x = 1\r\ny = 'abc\r\n", "x = 'a\rb'\n", "x = '''a\r\nb'''\r\n", "s = '\\\r\nb'\r\n",
    # numbers
    "1a\n", "1not in x\n", "0o8\n", "0o\n", "0b2\n", "0b\n", "0x\n", "0xg\n", "012\n", "1_\n",
    "1__2\n", "1e\n", "1e+\n", "1jx\n", "1.5j\n", "1if x else y\n", "0x1for x in y\n", "0_7\n",
    "00\n", "0e\n", "0_\n", "1e5j\n", "1.e5\n", ".5\n", "1..2\n", "x=0b1_\n", "0o7_8\n", "0b12\n",
    "0o19\n", "x = 1e5if\n", "x = 1.5_3\n", "x = 1_000.000_1e1_0j\n", "x=1.\n", "x = 5.__class__\n",
    "x = 1__\n", "x=0x_1_f\n", "x=0x_\n", "x=0b_1\n", "x=00_0\n", "x=00_0.5\n", "x = 09\n",
    "x = 09.5\n", "x = 0_9j\n", "x = 07e1\n", "x = 1else 2\n", "x = 1.else\n", "x = 1e1else 2\n",
    "x = 0xfor\n", "x = 1_e5\n", "x = 1e_5\n", "x = 1.0_\n", "x = 1._5\n", "x = 0b1e\n",
    "x = 0o7a\n", "x = 1é\n", "x = 0b1and 1\n", "x = 1or 2\n", "x = 0ba\n", "x = .5j\n",
    "x = 1E+5J\n", "x = 0X1_a\n", "x = 0O17\n", "x = 0B1\n", "x = 1jif 1 else 2\n", "x = 0e1j\n",
    "x = 00.\n", "x = 0_0\n", "x = 01j\n", "x = 01.5\n", "x = 1.5e\n", "x = 1.5E-\n", "x = 0o\n",
    # brackets
    ")\n", "(]\n", "(\n]\n", "x = (1,\n 2\n", "foo(1,\n", "foo(1,", "def f():\n  x = (\n",
    "(\n\n\n", "x = {\n1:2\n", "x = [\n1,\n(\n", "x = [1,\n2,\n)\n", "if 1:\n  pass\n)\n",
    "(" * 200 + ")" * 200 + "\n", "(" * 201 + ")" * 201 + "\n", "x = }\n", "x = [}\n", "{)\n",
    "x = (1 +\n  # comment\n  2)\n", "x = [\n\ty,\n  z]\n",
    # characters
    "x = €\n", "x = a\u00a0b\n", "x = a\u2028b\n", "aé€ = 1\n", "x = \x01\n", "a = 1\n\x0b\n",
    "x = \x7f\n", "é = $\n", "a = $\n", "a $ b\n", "a ? b\n", "a ` b\n", "1 <> 2\n", "a = 1 !b\n",
    "x = été\n", "ｉｆ = 1\n", "x = ℘\n", "x = a·b\n", "x = ·\n", "x = \u0e33\n", "x = a\u0e33\n",
    "x = \u309b\n", "x = 😀\n", "x = a\u200b\n", "x = \u00ad\n", "if 1:\n  é = 1\n é = 2\n",
    "x = a\u30fb\n", "x = 1 # €\n", "x = 'é€'\n",
    # misc
    "", "\n", "   ", "# c", "#c\n\n", "x", "x\n", "\n\n\nx", "x = 1\r\n", "x = 1\r", "if 1:\r  x\r",
    "x = 1;\n", "x = a.b...c\n", "x @= y ** 2 // 3 >> 1 << 2 -> 4 := 5 != 6 == 7\n",
    "x = 1 \f+ 2\n", "\fx = 1\n", "async def f():\n  await x\n", "match x:\n  case _:\n    pass\n",
    "x = 1 if y else-1\n", "print 'a'\n", "x = (yield)\n",
]

# (name, bytes): decoding cases, compared with `python3 FILE`
DECODE_CASES = [
    ("bad1", b"x = 1\ny = '\xff'\n"), ("bad2", b"x = 1\n\xc3\n"), ("nul", b"x = 1\ny = 2\0\n"),
    ("unk", b"# -*- coding: foobar -*-\nx = 1\n"), ("lat", b"# coding: latin-1\nx = '\xe9'\n"),
    ("bomlat", b"\xef\xbb\xbf# coding: latin-1\nx = 1\n"), ("bomutf", b"\xef\xbb\xbf# coding: utf-8\nx = 1\n"),
    ("line2", b"#!/usr/bin/python\n# vim: set fileencoding=latin-1 :\nx = '\xe9'\n"),
    ("line3", b"x = 1\n# coding: latin-1\nx = '\xe9'\n"), ("cp", b"# coding=cp1252\nx = '\x80'\n"),
    ("badlat", b"# coding: utf8\nx = '\xe9'\n"), ("bad3", b"\xff\n"), ("bad4", b"# c\n\n\nx = 1 # \xe9\n"),
    ("u16", b"# coding: utf-16\nx=1\n"), ("ascii", b"# coding: ascii\nx = '\xe9'\n"),
    ("euc", "# coding: euc-jp\nx = 'あいう'\n".encode("euc-jp")), ("nc3", b"\n\n#coding=latin-1\nx='\xe9'\n"),
    ("nc4", b"\n#coding=latin-1\nx = '\xe9'\n"), ("nc5", b"   \n#coding=latin_1\nx = '\xe9'\n"),
    ("nc6", b"#coding:latin-1x\nx = '\xe9'\n"), ("nc7", b"x=1 # coding: latin-1\nx = '\xe9'\n"),
    ("bomonly", b"\xef\xbb\xbfx = 1\n"), ("koi", "# -*- coding: koi8-r -*-\nx = 'привет'\n".encode("koi8-r")),
    ("latin1b", "# coding: ISO_8859_1\nx = 'é'\n".encode("latin-1")),
    ("surr", b"x = '\xed\xa0\x80'\n"), ("over", b"x = '\xc0\x80'\n"),
    ("utfdash", b"# encoding: utf-\nx = '\xc3\xa9'\n"), ("macroman", b"# coding: mac_roman\nx = '\x8e'\n"),
    ("eucjp_", "# coding: EUC_JP\nx = 'あ'\n".encode("euc-jp")), ("koi8_r", "# coding: koi8_r\nx = 'я'\n".encode("koi8-r")),
    ("latin_1b", b"# coding: Latin-1\nx = '\xe9'\n"), ("u16b", b"# coding: UTF16\nx=1\n"),
    ("rot13", b"# coding: rot13\nx=1\n"), ("iso15", b"# coding: iso8859_15\nx = '\xa4'\n"),
    ("win1251", b"# coding: windows_1251\nx = '\xe0'\n"), ("l1", b"# coding: l1\nx = '\xe0'\n"),
]


def char_offset(line_bytes, col):
    return len(line_bytes[:col].decode("utf-8", "replace")) + 1


def main():
    lexdump = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="aithon_lex_")
    paths = []
    for i, src in enumerate(CASES):
        p = os.path.join(tmp, "case%03d.py" % i)
        with open(p, "wb") as f:
            f.write(src.encode("utf-8"))
        paths.append(p)
    for name, data in DECODE_CASES:
        p = os.path.join(tmp, name + ".py")
        with open(p, "wb") as f:
            f.write(data)
        paths.append(p)
    out = subprocess.run([lexdump] + paths, capture_output=True).stdout.decode("utf-8", "replace")
    ours = {}
    dumps = {}
    cur = None
    for line in out.split("\n"):
        if line.startswith("== "):
            cur = line[3:]
            ours[cur] = None
            dumps[cur] = []
        elif line and not line.startswith("ERROR "):
            dumps[cur].append(line)
        elif line.startswith("ERROR "):
            kind, ln, col, msg = line[6:].split(" ", 3)
            ours[cur] = (kind, int(ln), int(col), msg)
    npass = nfail = 0

    def fail(what, src, got, exp):
        nonlocal nfail
        nfail += 1
        print("FAIL %s %r\n   got      %r\n   expected %r" % (what, src[:80], got, exp))

    for i, src in enumerate(CASES):
        data = src.encode("utf-8")
        try:
            compile(data, "case", "exec")
            exp = None
        except SyntaxError as e:
            exp = (type(e).__name__, e.msg, e.lineno, e.offset)
        got = ours.get(paths[i], "missing")
        if got == "missing":
            fail("no output", src, got, exp)
            continue
        lexical = exp is not None and TOKENIZER_MESSAGES.search(exp[1])
        if not lexical:
            if got is None:
                npass += 1
            else:
                fail("spurious error", src, got, exp)
            continue
        if got is None:
            fail("missed error", src, got, exp)
            continue
        kind, ln, col, msg = got
        lines = re.split(rb"\r\n|\n|\r", data)
        # CPython counts SyntaxError.offset in characters for the errors its tokenizer raises
        # and in bytes for those raised through the parser: accept either
        off = char_offset(lines[ln - 1], col) if 1 <= ln <= len(lines) else col + 1
        if exp[3] == col + 1:
            off = col + 1
        if (kind, msg, ln, off) == exp:
            npass += 1
        else:
            fail("mismatch", src, (kind, msg, ln, off), exp)
    for (name, data), p in zip(DECODE_CASES, paths[len(CASES):]):
        r = subprocess.run([sys.executable, p], capture_output=True, text=True, errors="replace")
        last = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ""
        exp = last if last.startswith("SyntaxError") else None
        got = ours.get(p, "missing")
        gotmsg = "SyntaxError: " + got[3] if got and got != "missing" else None
        if gotmsg == exp and exp is None:
            # decoded correctly: the tokens (string contents) must be CPython's
            want = stdlib_tokens.expected(p)
            if want is None or dumps.get(p) == want:
                npass += 1
            else:
                fail("decode " + name, repr(data), dumps.get(p), want)
        elif gotmsg == exp:
            npass += 1
        else:
            fail("decode " + name, repr(data), gotmsg, exp)
    print("%d passed, %d failed" % (npass, nfail))
    sys.exit(1 if nfail else 0)


if __name__ == "__main__":
    main()
