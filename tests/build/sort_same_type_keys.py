# list.sort/sorted pick a direct comparison when every key has one exact builtin type (small
# ints, str, float, or non-empty tuples whose first items are one of those); anything else,
# including subclasses that change the order, must still go through the generic comparison.

print(sorted([5, -3, 0, 4611686018427387903, -4611686018427387904, 7, -3]))
print(sorted([5, 2**63, -2**70, 3, 0]))                  # big ints: generic
print(sorted([True, 2, 0, False, -1]))                    # bools mixed with ints
print(sorted(["pear", "Apple", "apple", "", "zürich", "Zebra", "éclair", "a"]))
print(sorted([2.5, -0.0, 0.0, float("inf"), -1e300, 3.0]))
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]))                       # order as CPython's with a nan
print(sorted([3, 1.5, 2]))                                # int and float mixed: generic
words = {"ka": 3, "lo": 1, "mi": 3, "ne": 2, "ru": 1, "sa": 3}
print(sorted(words.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted(words.items(), key=lambda kv: (kv[0], kv[1]), reverse=True))
print(sorted([(1, "b"), (1,), (0, "z", 1), (1, "a", 2), (1, "a")]))
print(sorted([("b", 2.0), ("a", 1), ("b", 1), ("a", 0.5)]))
print(sorted([(2.5, 1), (nan, 0), (1.0, 2), (2.5, 0)]))
print(sorted([(1, 2), (), (0, 1)]))                       # an empty tuple: generic
print(sorted([(1, 2), [0, 1]], key=lambda t: tuple(t)))

class Rev(str):
    def __lt__(self, other):
        return str.__gt__(self, other)

print(sorted([Rev("a"), Rev("c"), Rev("b")]))
print(sorted([(Rev("a"), 1), (Rev("c"), 2), (Rev("b"), 3)]))

# stability: equal keys keep their order, also with reverse=True
recs = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted(recs, key=lambda r: (r[1],), reverse=True))

# a tie on the first item falls through to items that cannot be ordered
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([(1, None), (1, None)])
    print("equal Nones compare equal")
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([(1, None), (1, 2)])
except TypeError as e:
    print("TypeError:", e)

lst = [3, 1, 2]
try:
    lst.sort(key=lambda v: lst.append(v) or v)
except ValueError as e:
    print("ValueError:", e, lst)
big = [(i * 7919) % 1000 for i in range(1000)]
big_sorted = sorted(big)
print(big_sorted[:5], big_sorted[-5:], all(big_sorted[i] <= big_sorted[i + 1] for i in range(999)))
strs = [str((i * 7919) % 1000) for i in range(300)]
print(sorted(strs)[:6], sorted(strs, reverse=True)[:3])
print(sorted([]), sorted([(1,)]), sorted(["only"]))
