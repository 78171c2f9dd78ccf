import fnmatch
import glob
import os
import tempfile

for name, pat in [("a.py", "*.py"), ("a.py", "*.c"), ("abc", "a?c"), ("abc", "a[bx]c"), ("abc", "a[!b]c"),
                  ("a-c", "a[a-z]c"), ("a]c", "a[]]c"), ("x", "[!]]"), ("", "*"), ("ab", "a*b*"),
                  ("aXbYc", "a*b*c"), ("a[b", "a[b"), (".hidden", "*"), ("A.PY", "*.py"), ("mississippi", "*iss*ppi")]:
    print(name, pat, fnmatch.fnmatch(name, pat), fnmatch.fnmatchcase(name, pat))
print(fnmatch.filter(["a.py", "b.txt", "c.py"], "*.py"))
print(glob.has_magic("a*"), glob.has_magic("abc"), glob.escape("a*b?[c]"))
home = os.getcwd()
with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    for n in ["a.py", "b.py", "c.txt", ".h.py", "sub/d.py", "sub/deep/e.py", "sub2/f.txt"]:
        os.makedirs(os.path.dirname(n) or ".", exist_ok=True)
        open(n, "w").close()
    print(sorted(glob.glob("*.py")))
    print(sorted(glob.glob("*")))
    print(sorted(glob.glob("*/*.py")))
    print(sorted(glob.glob("s*/*")))
    print(sorted(glob.glob("**/*.py", recursive=True)))
    print(sorted(glob.glob("**", recursive=True)))
    print(sorted(glob.glob("nothing*")), glob.glob("a.py"), glob.glob("zz.py"))
    print(sorted(glob.glob("*.py", root_dir="sub")))
    print(sorted(glob.glob("*", include_hidden=True)))
    os.chdir(home)
