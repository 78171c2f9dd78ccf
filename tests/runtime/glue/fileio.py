import_path = "glue_test_file.txt"
with open(import_path, "w") as f:
    print(type(f).__name__, f.name, f.mode, f.closed)
    print(f.write("hello\nworld\n"), f.write("ünïcödé line\n"))
    f.writelines(["a\n", "b\n"])
print(f.closed)
with open(import_path) as f:
    print(repr(f.read()))
with open(import_path, encoding="utf-8") as f:
    print(repr(f.readline()), repr(f.readline()), f.readlines())
with open(import_path) as f:
    for i, line in enumerate(f):
        print(i, line.rstrip("\n"))
f = open(import_path, "a")
f.write("appended\n")
f.close()
f = open(import_path)
print(f.read(5), repr(f.read(3)), f.tell())
f.seek(0)
print(len(f.read()), f.read() == "")
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
with open(import_path, "wb") as f:
    print(f.write(b"\x00\x01bin\r\n"), type(f).__name__)
with open(import_path, "rb") as f:
    data = f.read()
    print(data, type(f).__name__, f.mode)
with open(import_path, "rb") as f:
    print(f.read(2), f.readline(), f.read())
with open(import_path) as f:
    print(repr(f.read()))
with open(import_path, newline="") as f:
    print(repr(f.read()))
try:
    open("/nonexistent/dir/x.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e, e.errno, e.filename)
try:
    open(import_path, "rz")
except ValueError as e:
    print("ValueError:", e)
with open(import_path, "wb") as f:
    f.write(b"ok \xff\xfe")
try:
    with open(import_path) as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
with open(import_path, encoding="latin-1") as f:
    print(repr(f.read()))
open(import_path, "w").write("unclosed\n")
print(open(import_path).read().strip())
with open(import_path, "r+") as f:
    print(f.read(), end="")
    f.write("more\n")
    f.seek(0)
    print(f.readlines())
