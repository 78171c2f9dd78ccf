# text files: newline translation in every mode, codecs with BOMs, errors=, tell/seek
import os
import tempfile


def err(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


tmp = tempfile.mkdtemp()
p = os.path.join(tmp, "t.txt")
raw = b"a\rb\r\nc\nd\r\r\ne\r"
with open(p, "wb") as f:
    f.write(raw)
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, newline=nl) as f:
        lines = f.readlines()
    with open(p, newline=nl) as f:
        whole = f.read()
    with open(p, newline=nl) as f:
        first = f.read(3)
        line = f.readline()
        rest = list(f)
        nls = f.newlines
    print(repr(nl), lines, repr(whole), repr(first), repr(line), rest, nls)

for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, "w", newline=nl) as f:
        f.write("x\ny\r\nz\r")
        f.writelines(["1\n", "2"])
    with open(p, "rb") as f:
        print(repr(nl), f.read())

err(lambda: open(p, newline="x"))
err(lambda: open(p, "rb", newline=""))
err(lambda: open(p, encoding="no-such-codec"))

# codecs, including BOMs and the byte order they fix
text = "line1\nzwei €\r\n3 😀\n"
for enc in ["utf-16", "utf-16-be", "utf-32", "utf-32-le", "utf-8-sig", "latin-1", "cp1252" if False else "iso-8859-1"]:
    q = os.path.join(tmp, enc)
    try:
        with open(q, "w", encoding=enc) as f:
            f.write(text[:7])
            f.write(text[7:])
        with open(q, "rb") as f:
            data = f.read()
        with open(q, encoding=enc) as f:
            lines = f.readlines()
        with open(q, encoding=enc, newline="") as f:
            kept = f.read()
        print(enc, len(data), data[:6], lines, repr(kept))
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError", e)

q = os.path.join(tmp, "be16")
with open(q, "wb") as f:
    f.write(b"\xfe\xff\x00h\x00i\x00\n\xd8\x3d\xde\x00")
with open(q, encoding="utf-16") as f:
    print("utf-16 with a big-endian BOM:", ascii(f.readline()), ascii(f.read()))
with open(q, "wb") as f:
    f.write(b"h\x00i")
with open(q, encoding="utf-16-le") as f:
    err(lambda: f.read())
with open(q, "a", encoding="utf-16") as f:
    f.write("!")
with open(q, "rb") as f:
    print("append utf-16 adds no BOM:", f.read())

# errors= on reading and writing
q = os.path.join(tmp, "err")
with open(q, "wb") as f:
    f.write(b"A\xe9B\n\xff\xfeC\r\n")
for errors in ["replace", "ignore", "surrogateescape", "backslashreplace"]:
    with open(q, encoding="ascii", errors=errors) as f:
        print(errors, ascii(f.readlines()), f.errors, f.encoding)
with open(q, encoding="ascii") as f:
    err(lambda: f.read())
with open(q, "w", encoding="latin-1", errors="replace") as f:
    f.write("é€\n")
with open(q, "rb") as f:
    print(f.read())
with open(q, "w", encoding="ascii") as f:
    err(lambda: f.write("ok é"))

# tell/seek with text
with open(p, "w") as f:
    f.write("ab\ncd\nef")
with open(p) as f:
    f.readline()
    pos = f.tell()
    print(pos, repr(f.readline()))
    f.seek(pos)
    print(repr(f.read()), f.tell())
    f.seek(0)
    print(repr(f.read(1)), f.tell())
with open(p, "r+", newline="") as f:
    f.readline()
    f.seek(f.tell())
    f.write("XY")
with open(p, "rb") as f:
    print(f.read())
