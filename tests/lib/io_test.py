import io

s = io.StringIO()
print(s.write("hello\n"), s.write("world\n"), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()))
s.seek(2)
print(s.write("XY"), repr(s.getvalue()), s.tell())
print(s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(10)
s.write("z")
print(repr(s.getvalue()))
print(s.seek(0, io.SEEK_END), s.seek(0, io.SEEK_SET), s.seek(0, io.SEEK_CUR))
try:
    s.seek(1, io.SEEK_CUR)
except OSError as e:
    print("OSError", e)
try:
    s.seek(-1)
except ValueError as e:
    print("ValueError", e)
try:
    s.write(5)
except TypeError as e:
    print("TypeError", e)
s.close()
print(s.closed)
try:
    s.read()
except ValueError as e:
    print("ValueError", e)

s = io.StringIO("a\nbb\n\nccc")
print(list(s))
s.seek(0)
print(s.readlines())
s.seek(0)
print(s.readlines(3))
s = io.StringIO("line1\nline2\nline3")
print(s.readline(3), s.readline(), s.readline(100))
with io.StringIO("x") as f:
    print(f.read(), f.readable(), f.writable(), f.seekable(), f.isatty())
print(f.closed)
s = io.StringIO(newline=None)
s.write("a\r\nb\rc\n")
print(repr(s.getvalue()), s.newlines)
s = io.StringIO("a\r\nb\rc\n", newline="")
print(s.readlines())
s = io.StringIO()
s.writelines(["a", "b", "c"])
print(s.getvalue())
try:
    s.fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e, isinstance(e, OSError), isinstance(e, ValueError))
try:
    io.StringIO(b"x")
except TypeError as e:
    print("TypeError", e)

b = io.BytesIO(b"abc\ndef\n")
print(b.read(2), b.readline(), b.tell(), b.read())
print(b.write(b"XY"), b.getvalue())
b.seek(1)
print(b.write(bytearray(b"--")), b.getvalue())
print(b.seek(-2, io.SEEK_END), b.read())
print(b.seek(0), list(b))
try:
    b.write("str")
except TypeError as e:
    print("TypeError", e)
b.truncate(3)
print(b.getvalue())
b.close()
try:
    b.getvalue()
except ValueError as e:
    print("ValueError", e)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.open is open)
big = io.StringIO()
for i in range(2000):
    big.write(str(i))
print(len(big.getvalue()))
