"""operator: functions, in-place forms, itemgetter/attrgetter/methodcaller."""
import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(1, 2), operator.sub(5, 3), operator.mul(3, 4), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-3))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.rshift(32, 2))
print(operator.inv(5), operator.invert(0), operator.abs(-3.5), operator.not_(0), operator.truth([]))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne(1, 2), operator.gt(1, 2), operator.ge(3, 3))
print(operator.is_(None, None), operator.is_not(1, None), operator.contains([1, 2], 2), operator.countOf([1, 2, 1], 1))
print(operator.indexOf("abc", "c"), operator.concat([1], [2]), operator.index(7), operator.getitem("abc", 1))
l = [1, 2, 3]
operator.setitem(l, 0, 9)
operator.delitem(l, 1)
print(l)
a = [1]
b = operator.iadd(a, [2])
print(a, b, a is b, operator.iadd(1, 2), operator.imul("ab", 2), operator.isub(5, 1), operator.ior(1, 2))
print(operator.itruediv(1, 4), operator.ifloordiv(9, 2), operator.imod(9, 4), operator.ipow(3, 3), operator.ilshift(1, 3))
print(operator.length_hint([1, 2, 3]), operator.length_hint(iter([1, 2])), operator.length_hint(5, 42))
print(operator.call(max, 3, 9, 2))
for f, args in [(operator.index, (1.5,)), (operator.concat, (1, 2)), (operator.indexOf, ([1], 5)), (operator.add, (1, "a")),
                (operator.length_hint, ([], 1.5))]:
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
g = itemgetter(1)
print(g([10, 20, 30]), g("xyz"), itemgetter(0, 2)("abc"), itemgetter("k")({"k": 5}))
print(repr(itemgetter(1)), repr(itemgetter(1, "a")))
print(sorted([(1, "b"), (0, "c"), (2, "a")], key=itemgetter(1)))


class P:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def greet(self, greeting, punct="!"):
        return greeting + ", " + self.name + punct


p = P("ann", P("bob"))
print(attrgetter("name")(p), attrgetter("child.name")(p), attrgetter("name", "child.name")(p))
print(repr(attrgetter("name")), repr(attrgetter("a.b", "c")))
print(methodcaller("greet", "hi")(p), methodcaller("greet", "yo", punct="?")(p), methodcaller("upper")("abc"))
print(repr(methodcaller("greet", "hi", punct="?")))
try:
    attrgetter(1)
except TypeError as e:
    print(e)
try:
    attrgetter("nope")(p)
except AttributeError as e:
    print(e)
try:
    itemgetter(5)([1])
except IndexError as e:
    print(e)
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])))
print(operator.__add__(1, 1), operator.__getitem__([4, 5], 0))
