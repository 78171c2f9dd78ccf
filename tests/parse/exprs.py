a or b or c
a and b and c
a or b and c or d
not a
not not a
a < b <= c > d >= e == f != g
a in b not in c is d is not e
a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
-a + +b - ~c
a ** b ** c
-a ** -b
await_ = 1
x = (a := 1)
if (n := len(a)) > 10: pass
f(y := 2)
[y := 1, z := 2]
a[b := 1]
a.b.c
a.b(c).d[e]
a[1]
a[1:2]
a[1:2:3]
a[::]
a[:]
a[::2]
a[1:2, 3]
a[1:2, ::3]
a[1,]
a[*b]
a[*b, c]
a[()]
a[...]
x = ...
x = None, True, False
x = 1, 2.5, 3j, 0x10, 0o17, 0b11, 1_000_000, 1e10, 1.5e-3, 10**100
x = ()
x = (1,)
x = (1, 2)
x = [1, 2, *a]
x = {1, 2, *a}
x = {}
x = {1: 2, **d, 3: 4}
x = {**a, **b}
x = "a" "b" 'c'
x = b"bytes" b'more'
x = u"unicode"
x = r"raw\n" R'raw'
x = """triple
quoted"""
x = a if b else c if d else e
x = lambda: (yield)
x = [*a, *b]
x = (yield)
f()
f(a)
f(a, b)
f(a, *b)
f(a, b=1)
f(*a, **b)
f(a, *b, c, d=1, *e, **f)
f(**a, b=1)
f(b=1, *c)
f(x for x in y)
f((x for x in y), z)
f(a)(b)(c)
f(a,)
print(a, end="")
x = a.b.c.d
x = (a)
x = ((a))
x = (a, b)
x = [a, b][0]
x = "%s" % y
x = -1
x = - 1
x = not -1
x = a if not b else c
