x = (1, 2)
y = (
    1,
    2,
)
f(x for x in y)
@dec
def f():
    pass
@dec
class C:
    pass
if a:
    pass
else:
    pass
try:
    pass
except E:
    pass
s = ("multi"
     "line")
z = a[1:2, 3]
w = [
    1,
    2
]
t = 1,
u = a.b.c
call(a,
     b=2)
lambda x: x
def g(a: int = 1, *b, c: str, **d) -> int:
    return a
with open(f) as g, h:
    pass
del a, b
v = -x ** 2
é = 1
ü = "ünïcode"; ä = f"{ü}"
