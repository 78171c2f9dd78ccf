import os
import os.path
import errno
import tempfile
from os import path as p2

print(os.name, os.sep, repr(os.linesep), os.curdir, os.pardir, os.extsep, os.devnull)
print(p2 is os.path, os.path.join("a", "b"))
print(errno.ENOENT, errno.EEXIST, errno.errorcode[errno.ENOTDIR], errno.EACCES)
print(os.strerror(errno.ENOENT))
print(type(os.getpid()).__name__, os.cpu_count() > 0, len(os.urandom(16)))
os.environ["AITHON_TEST_VAR"] = "value1"
print(os.environ["AITHON_TEST_VAR"], os.getenv("AITHON_TEST_VAR"), os.getenv("AITHON_NOPE", "d"))
del os.environ["AITHON_TEST_VAR"]
print("AITHON_TEST_VAR" in os.environ, os.environ.get("AITHON_TEST_VAR"))
print(os.fspath("x"), os.fspath(b"y"), os.fsencode("z"), os.fsdecode(b"w"))


class P:
    def __fspath__(self):
        return "/tmp"


print(os.fspath(P()), os.path.join(P(), "q"))
home = os.getcwd()
with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    print(os.path.samefile(os.getcwd(), tmp))
    os.makedirs("a/b/c")
    os.makedirs("a/b", exist_ok=True)
    with open("a/f.txt", "w") as f:
        f.write("hello")
    st = os.stat("a/f.txt")
    print(st.st_size, st[6], len(st), oct(st.st_mode & 0o170000))
    print(os.path.getsize("a/f.txt"), os.path.isfile("a/f.txt"), os.path.isdir("a"))
    print(sorted(os.listdir("a")), sorted(os.listdir(b"a")))
    with os.scandir("a") as it:
        print(sorted((e.name, e.is_dir(), e.is_file()) for e in it))
    for d, ds, fs in os.walk("a"):
        ds.sort()
        print(d, ds, sorted(fs))
    for d, ds, fs in os.walk("a", topdown=False):
        print(d, sorted(ds), sorted(fs))
    errs = []
    print(list(os.walk("missing", onerror=errs.append)), type(errs[0]).__name__)
    try:
        os.mkdir("a")
    except FileExistsError as e:
        print(e)
    try:
        os.rmdir("a")
    except OSError as e:
        print(type(e).__name__, e.errno == errno.ENOTEMPTY)
    try:
        os.remove("nothing")
    except FileNotFoundError as e:
        print(e, e.errno, e.strerror, e.filename)
    try:
        os.rename("nothing", "b")
    except FileNotFoundError as e:
        print(e)
    try:
        os.stat("a/f.txt/x")
    except NotADirectoryError as e:
        print(e)
    os.symlink("a/f.txt", "link")
    print(os.path.islink("link"), os.readlink("link"), os.path.realpath("link") == os.path.realpath("a/f.txt"))
    print(os.lstat("link").st_size == len("a/f.txt"))
    os.replace("a/f.txt", "a/g.txt")
    os.remove("link")
    print(sorted(os.listdir("a")))
    os.removedirs("a/b/c")
    print(sorted(os.listdir(".")), sorted(os.listdir("a")))
    fd = os.open("raw.bin", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print(os.write(fd, b"abc"))
    os.close(fd)
    fd = os.open("raw.bin", os.O_RDONLY)
    print(os.read(fd, 10), os.fstat(fd).st_size)
    os.close(fd)
    print(os.access("raw.bin", os.R_OK), os.access("nothing", os.F_OK))
    os.chmod("raw.bin", 0o600)
    print(oct(os.stat("raw.bin").st_mode & 0o777))
    os.utime("raw.bin", (1000000000.5, 1200000000.25))
    st = os.stat("raw.bin")
    print(st.st_mtime, st.st_atime, st.st_mtime_ns, st[8], os.path.getmtime("raw.bin"))
    os.utime("raw.bin", ns=(5, 7000000000))
    print(os.stat("raw.bin").st_mtime_ns, os.stat("raw.bin").st_blocks >= 0)
    os.chdir(home)
print(os.path.exists(tmp))
