a = 1
a.b = 1
a[0] = 1
a, b = 1
[a, b] = 1
(a, [b, *c]) = 1
*a, = 1
for a.b in c: pass
for a[0], (b, c) in d: pass
with f() as (a, b): pass
with f() as [a, *b]: pass
[x for a.b in c]
del a, a.b, a[0], (a, b), [a]
(a) = 1
((a)) = 1
(a.b) = 1
a = b = c.d = e[f] = 1
a.b.c.d = 1
a()[0] = 1
a().b = 1
(x := 1)
x: int = (y := 2)
