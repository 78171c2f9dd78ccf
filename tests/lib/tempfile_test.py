import os
import shutil
import tempfile

d = tempfile.gettempdir()
print(os.path.isdir(d), os.path.isabs(d))
with tempfile.TemporaryDirectory() as tmp:
    print(os.path.isdir(tmp), os.path.dirname(tmp) == d, os.path.basename(tmp).startswith("tmp"))
    fd, name = tempfile.mkstemp(suffix=".txt", prefix="pre_", dir=tmp)
    os.write(fd, b"data")
    os.close(fd)
    print(os.path.basename(name).startswith("pre_"), name.endswith(".txt"), os.path.getsize(name))
    sub = tempfile.mkdtemp(dir=tmp)
    print(os.path.isdir(sub), oct(os.stat(sub).st_mode & 0o777))
    with open(os.path.join(sub, "f"), "w") as f:
        f.write("x")
    os.makedirs(os.path.join(sub, "deep", "er"))
    shutil.copyfile(name, os.path.join(sub, "deep", "copy.txt"))
    print(open(os.path.join(sub, "deep", "copy.txt")).read())
    print(os.path.basename(shutil.copy(name, os.path.join(sub, "deep"))) == os.path.basename(name))
    os.remove(os.path.join(sub, "deep", os.path.basename(name)))
    shutil.copytree(sub, os.path.join(tmp, "tree"))
    print(sorted(os.listdir(os.path.join(tmp, "tree"))), sorted(os.listdir(os.path.join(tmp, "tree", "deep"))))
    shutil.move(os.path.join(tmp, "tree"), os.path.join(tmp, "moved"))
    print(os.path.exists(os.path.join(tmp, "tree")), os.path.isdir(os.path.join(tmp, "moved", "deep", "er")))
    shutil.rmtree(sub)
    print(os.path.exists(sub))
    try:
        shutil.rmtree(os.path.join(tmp, "nothing"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    shutil.rmtree(os.path.join(tmp, "nothing"), ignore_errors=True)
    with tempfile.NamedTemporaryFile("w+", dir=tmp, suffix=".log") as nf:
        nf.write("hello")
        nf.flush()
        nf.seek(0)
        print(nf.read(), os.path.exists(nf.name), nf.name.endswith(".log"))
    print(os.path.exists(nf.name))
    with tempfile.NamedTemporaryFile(dir=tmp, delete=False) as nf:
        nf.write(b"kept")
    print(os.path.getsize(nf.name))
    td = tempfile.TemporaryDirectory(dir=tmp)
    print(os.path.isdir(td.name))
    td.cleanup()
    print(os.path.exists(td.name))
    td.cleanup()
print(os.path.exists(tmp))
