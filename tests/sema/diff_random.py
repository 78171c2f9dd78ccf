#!/usr/bin/env python3
"""diff_random.py - differential test of compile-time errors: random programs built from
fragments (many of them erroneous: scoping, yield/await/async placement, walrus in
comprehensions, __debug__, starred targets, match patterns, break/continue/return through
finally and except*) nested in random blocks, checked with `aithon check` against python3's
compile().  The first error must be the same, at the same line and offset, or both must accept.

    tests/sema/diff_random.py [FIRST_SEED [COUNT]]      (default 0 500)

Environment: AITHON (default build/aithon), VALIDP (share of always-valid fragments, default
0.5: errors deeper in compile order).  Failing programs are kept as build/sema-random/badSEED.py.
Last line: "N passed, N failed".
"""
import os
import random
import subprocess
import sys
import tempfile
import warnings

warnings.simplefilter("ignore")

# one statement (or small compound statement) per line; "\n" inside a fragment is a newline
LEAVES = r"""x = 1
y = x
return
return x
return 1
yield
yield from z
await z
break
continue
global x
nonlocal x
global y
nonlocal q
x: int
x: int = 1
(x): int = 2
del x
__debug__ = 1
f(a=1, a=2)
f(__debug__=1)
o.m(k=1, k=2)
*a = b
a, *b, *c = d
from os import *
import os
print(x)
z = [(yield) for i in r]
z = [i for i in (w := r)]
z = [(i := 1) for i in r]
z = [(w := i) for i in r]
z = [(x := i) for i in r]
z = [x async for x in y]
z = (x async for x in y)
z = [await x for x in y]
z = {k: v async for k, v in y}
async with a: pass
async for a in b: pass
z = lambda: (yield)
z = lambda: await x
z = lambda a, a: 0
def g(a, a): pass
class K: z = [(w := 1) for i in r]
from __future__ import division
x.__debug__ = 1
super()
__class__
pass
del __debug__
for __debug__ in r: pass
with a as __debug__: pass
(yield)(a=1, a=2)
class K(__debug__=1): pass
def __debug__(): pass
x = *a
print(*a, **b)
m = {**a, 'k': (yield)}
t = x if (yield) else (await y)
raise (yield) from (await z)
assert (yield), (await z)
import a.b as __debug__
match x:\n    case y: pass\n    case 1: pass
match x:\n    case [a, a]: pass
match x:\n    case {1: a, 1.0: b}: pass
match x:\n    case C(a=1, a=2): pass
match x:\n    case [a] | [b]: pass
match x:\n    case (y | z) if y: pass
match x:\n    case [*a, *b]: pass
match x:\n    case _: pass\n    case 2: pass
match x:\n    case {1: a, **a}: pass
try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass
z = [[(q := 1) for j in s] for q in r]
z = [i for i in r if (j := i) for j in s]
@(yield)\ndef d(x=(await q)): pass
@dec\ndef d(x=(yield), *, y=(await q)) -> (yield from r): pass
def d(a: (yield), /, b: (await q), *c: (yield from r), e: (x := 1), **k: (yield)): pass
class K((yield), metaclass=(await q)): x = (yield from r)
z = lambda x=(yield), *, y=(await q): (yield from r)
z = {(yield): (await q), **(yield from r)}
z = f((yield), *(await q), k=(yield from r), **(x := 1))
z = o[(yield):(await q):(yield from r)]
z = f"{(yield)}{(await q)!r:{(yield from r)}}"
x.y: (yield) = (await q)
x[(yield)]: (await q)
x[(yield):(await q)]: int
(x): (yield)
x: (yield)
__debug__ += (yield)
x.a += (yield)
z = [(yield) for a in (await q) if (yield from r)]
z = [a for a in (yield) for b in (await q) if (yield from r)]
z = {(await q): (yield) for a in r}
z = [[(yield) for b in a] for a in (await q)]
z = (a for a in (yield))
z = [(x := a) for a in r if (await q)]
del (yield).a, __debug__
with (yield) as a, (await q) as b: pass
for (yield).a in (await q): pass
while (yield): break
if (await q): pass
else: (yield from r)
assert (x := 1), (yield)
raise (await q)
z = not (yield) and (await q) or (yield from r)
z = (yield) if (await q) else (yield from r)
z = (yield) < (await q) < (yield from r)
z = -(yield) + (await q) ** (yield from r)
print(__debug__, *__debug__)
__debug__: int = 1
z = [__debug__ := 1 for a in r]
try:\n    return (yield)\nfinally:\n    __debug__ = 1
try:\n    break\nfinally:\n    yield from r
while c:\n    try:\n        continue\n    finally:\n        x = (await q)
with a:\n    return (await q)""".split("\n")
LEAVES = [l.replace("\\n", "\n") for l in LEAVES]
VALID = ["x = 1", "y = x", "print(x)", "pass", "import os", "z = [i for i in r]", "super()",
         "__class__", "x: int", "del x", "print(*a, **b)", "x.__debug__ += 1", "z = (i for i in r)",
         "z = lambda q: q + x", "f(a=1, b=2)", "a, *b = c", "nonlocal_ok = 1"]
VALIDP = float(os.environ.get("VALIDP", "0.5"))
BLOCKS = ["def f(a):", "async def f(a):", "class C:", "for i in r:", "while c:", "if c:",
          "with w as v:", "TRY_FINALLY", "TRY_STAR", "TRY_EXCEPT", "FOR_ELSE", "async def h():",
          "def k(*, b=(yield)):", "MATCH"]

def ind(text, n):
    return "\n".join(" " * n + l if l else l for l in text.split("\n"))

def block(depth, rnd):
    n = rnd.randint(1, 3)
    parts = []
    for _ in range(n):
        if depth < 4 and rnd.random() < 0.45:
            b = rnd.choice(BLOCKS)
            body = block(depth + 1, rnd)
            if b == "TRY_FINALLY":
                parts.append("try:\n" + ind(body, 4) + "\nfinally:\n" + ind(block(depth + 1, rnd), 4))
            elif b == "TRY_STAR":
                parts.append("try:\n" + ind(body, 4) + "\nexcept* E:\n" + ind(block(depth + 1, rnd), 4))
            elif b == "TRY_EXCEPT":
                parts.append("try:\n" + ind(body, 4) + "\nexcept E as e:\n" + ind(block(depth + 1, rnd), 4) + "\nelse:\n" + ind(block(depth + 1, rnd), 4))
            elif b == "FOR_ELSE":
                parts.append("for j in r:\n" + ind(body, 4) + "\nelse:\n" + ind(block(depth + 1, rnd), 4))
            elif b == "MATCH":
                parts.append("match s:\n    case [p, *_] if p:\n" + ind(body, 8) + "\n    case {'k': p}:\n" + ind(block(depth + 1, rnd), 8))
            else:
                parts.append(b + "\n" + ind(body, 4))
        else:
            # mostly valid leaves
            l = rnd.choice(VALID) if rnd.random() < VALIDP else rnd.choice(LEAVES)
            parts.append(l)
    return "\n".join(parts)

def main():
    seed0 = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    aithon = os.environ.get("AITHON", os.path.join(root, "build", "aithon"))
    keep = os.path.join(root, "build", "sema-random")
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "f.py")
        for s in range(seed0, seed0 + n):
            rnd = random.Random(s)
            src = block(0, rnd) + "\n"
            if rnd.random() < 0.2:
                src = "from __future__ import annotations\n" + src
            with open(path, "w") as f:
                f.write(src)
            try:
                compile(src, "f.py", "exec")
                want = ""
            except SyntaxError as e:
                if e.lineno is None or e.lineno < 1:
                    want = "f.py: SyntaxError: %s" % e.msg
                else:
                    want = "f.py:%d:%d: SyntaxError: %s" % (e.lineno, e.offset or 0, e.msg)
            except RecursionError:
                continue
            r = subprocess.run([aithon, "check", "f.py"], cwd=tmp, capture_output=True,
                               text=True)
            got = (r.stdout + r.stderr).split("\n")[0]
            if got == want:
                passed += 1
                continue
            failed += 1
            os.makedirs(keep, exist_ok=True)
            with open(os.path.join(keep, "bad%d.py" % s), "w") as f:
                f.write(src)
            print("FAIL seed %d\n  want: %s\n  got:  %s" % (s, want, got))
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


main()
