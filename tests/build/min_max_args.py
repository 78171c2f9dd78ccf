# min/max with several positional arguments (the arguments themselves), with key=, and their
# errors; with one iterable argument, default= and the empty-sequence ValueError.
print(min(3, 1, 2), max(3, 1, 2), min(2, 2.0), max(2.0, 2), min("b", "a"), max([1], [0, 5]))
print(min(1, 2, key=lambda v: -v), max("aa", "b", key=len), min(-1, 1, key=abs))
print(min([4, 2, 8]), max((x * x for x in range(5))), min([], default="none"))
for bad in [lambda: min(1, "a"), lambda: max(), lambda: min([]), lambda: max(1, 2, default=0),
            lambda: min(1, 2, foo=3), lambda: max(3)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
