"""itertools: every function, with edge cases and errors."""
import itertools
from itertools import *

print(list(islice(count(), 5)), list(islice(count(10, 2), 3)), list(islice(count(1.5, 0.5), 3)))
print(repr(count()), repr(count(5)), repr(count(1, 2)), repr(count(1.5)))
print(list(islice(cycle("ab"), 5)), list(cycle([])))
print(list(repeat(7, 3)), list(repeat("x", 0)), list(repeat(1, -2)), repr(repeat(1)), repr(repeat(1, 2)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], max)), list(accumulate([1, 2], initial=10)), list(accumulate([])))
import operator
print(list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([], initial=5)))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1, 5])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])))
print([(k, list(g)) for k, g in groupby("aaabbcaa")])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
gb = groupby("aabbc")
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, list(g2), [k for k, g in gb])
print([k for k, g in groupby([])])
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 4)), list(islice("abcdefg", 2, None)), list(islice("abcdefg", 0, None, 2)))
print(list(islice(range(10), 1, 8, 3)), list(islice([], 3)))
for args in [(-1,), (1, 2, 0), ("a",)]:
    try:
        islice("abc", *args)
    except ValueError as e:
        print("ValueError", e)
print(list(pairwise("abcd")), list(pairwise("a")), list(starmap(pow, [(2, 3), (3, 2)])))
print(list(takewhile(lambda x: x < 3, [1, 2, 3, 1])))
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b), len(tee("ab", 3)), tee("x", 0))
a, b = tee("xyz")
print(next(a), next(a), next(b), list(b), list(a))
print(list(zip_longest("ab", "xyz", fillvalue="-")), list(zip_longest()), list(zip_longest([1], [])))
print(list(product("ab", range(2))), list(product([1, 2], repeat=2)), list(product()), list(product("ab", [])))
print(list(permutations("abc")), list(permutations(range(3), 2)), list(permutations([], 0)), list(permutations("ab", 3)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations("a", 2)), list(combinations("ab", 0)))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement("", 2)), list(combinations_with_replacement("", 0)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))))
for f, args in [(combinations, ("abc", -1)), (permutations, ("abc", -1)), (product, ("ab",)), (cycle, (5,)), (chain, (1,)),
                (repeat, (1, "a")), (tee, ("a", -1)), (pairwise, (3,)), (zip_longest, ("a", 1))]:
    try:
        r = f(*args)
        list(islice(r, 3))
        print("ok", f.__name__)
    except (TypeError, ValueError) as e:
        print(f.__name__, type(e).__name__, e)
try:
    list(product("ab", repeat=-1))
except ValueError as e:
    print(e)
