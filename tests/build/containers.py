l = [3, 1, 2]
l.append(0)
print(l, len(l), sorted(l), l[1:3], l[-1])
d = {"a": 1}
d["b"] = 2
print(d, list(d.items()), "a" in d, d.get("z", 9))
s = {1, 2, 3}
print(s & {2, 3, 4}, 2 in s)
t = (1, "two", 3.0)
a, b, c = t
first, *rest = [1, 2, 3, 4]
print(a, b, c, first, rest)
print([x * x for x in range(5) if x % 2 == 0], {k: k * 2 for k in "ab"}, {x % 3 for x in range(10)})
print(f"{a:>4}|{b!r}|{c:.2f}|{'x' * 3}")
