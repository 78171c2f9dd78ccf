# seeded random differential of text files: mixed line ends, codecs, newline modes, read sizes
import os
import random
import tempfile
rng = random.Random(11)
tmp = tempfile.mkdtemp()
p = os.path.join(tmp, "r.txt")
pieces = ["a", "bc", "é", "€", "😀", "\n", "\r", "\r\n", " ", "xyz"]
for i in range(150):
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
    enc = rng.choice(["utf-8", "utf-16", "utf-16-be", "utf-32-le", "utf-8-sig"])
    wnl = rng.choice([None, "", "\n", "\r", "\r\n"])
    rnl = rng.choice([None, "", "\n", "\r", "\r\n"])
    with open(p, "w", encoding=enc, newline=wnl) as f:
        f.write(text)
    with open(p, encoding=enc, newline=rnl) as f:
        lines = f.readlines()
        nls = f.newlines
    with open(p, encoding=enc, newline=rnl) as f:
        chunks = []
        while True:
            c = f.read(rng.randint(1, 7))
            if not c:
                break
            chunks.append(c)
    with open(p, encoding=enc, newline=rnl) as f:
        mixed = [f.readline(), f.read(3), f.readline(), f.read()]
    with open(p, "rb") as f:
        raw = f.read()
    print(i, enc, repr(wnl), repr(rnl), len(raw), lines, "".join(chunks) == "".join(lines), mixed, nls)
