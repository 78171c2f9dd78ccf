# the built-in iterators' __length_hint__ (operator.length_hint)
import operator
it = iter([1, 2, 3])
print(it.__length_hint__(), next(it), it.__length_hint__(), operator.length_hint(it))
print(operator.length_hint(iter([]), 5), operator.length_hint(iter(()), 5), operator.length_hint(iter((1, 2))))
r = iter(range(10))
next(r)
print(r.__length_hint__(), operator.length_hint(reversed([1, 2])), list(it), it.__length_hint__())
print(operator.length_hint([1, 2, 3]), operator.length_hint(iter([]), 0))
