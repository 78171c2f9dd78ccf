import posixpath as pp

for p in ["", "/", "//", "///", "a", "/a", "a/", "a/b", "/a/b/", "a//b", "./a", "../a", "a/./b/../c",
          "/..", "/../a", "//a/b", "a/b/c.tar.gz", ".bashrc", "..x", "x.", "a.b/c"]:
    print(repr(p), pp.split(p), pp.basename(p), repr(pp.dirname(p)), pp.splitext(p), pp.normpath(p), pp.isabs(p))
print(pp.join("a", "b", "c"), pp.join("a/", "/b"), pp.join("", ""), pp.join("a", ""), pp.join(b"a", b"b"))
print(pp.relpath("/a/b/c", "/a"), pp.relpath("/a", "/a/b/c"), pp.relpath("/a", "/a"), pp.relpath("x", "x/y"))
print(pp.commonprefix(["abc", "abd", "ab"]), repr(pp.commonprefix([])), pp.commonprefix([["a", "b"], ["a", "c"]]))
print(pp.commonpath(["/a/b/c", "/a/b/d", "/a/b"]), pp.commonpath(["a/b", "a/c"]), pp.commonpath(["/a/./b", "/a/b/c"]))
try:
    pp.commonpath(["/a", "b"])
except ValueError as e:
    print(e)
print(pp.expanduser("x/~"), pp.normpath(b"a//b/../c"), pp.splitext(b"x.y"), pp.basename(b"/x/y"))
try:
    pp.join("a", b"b")
except TypeError as e:
    print(e)
print(pp.sep, pp.curdir, pp.pardir, pp.extsep, pp.pathsep, pp.devnull)
print(pp.abspath("/a/../b"), pp.isabs(pp.abspath("x")))
