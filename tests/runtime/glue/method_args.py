# built-in methods' argument errors in CPython 3.11's wording (qualnames for METH_NOARGS/METH_O)
tests = [
    lambda: [].append(1, 2), lambda: [].append(), lambda: [].clear(1), lambda: [].pop(1, 2),
    lambda: [].insert(0), lambda: [].index(), lambda: [].sort(1), lambda: [].sort(foo=1),
    lambda: [].append(x=1),
    lambda: "a".split(1, 2, 3), lambda: "a".upper(1), lambda: "a".center(), lambda: "a".split(x=1),
    lambda: "a".startswith(), lambda: "a".replace("a"), lambda: "a".encode(1, 2, 3),
    lambda: {}.get(), lambda: {}.get(1, 2, 3), lambda: {}.keys(1), lambda: {}.pop(),
    lambda: {}.setdefault(), lambda: set().add(), lambda: set().add(1, 2), lambda: (1,).count(),
    lambda: (1,).index(), lambda: list.append(5, 1), lambda: list.append(), lambda: str.upper(5),
    lambda: dict.get([], 1), lambda: (5).to_bytes(1, 2, 3, 4), lambda: (5).bit_length(1),
    lambda: (1.5).is_integer(2), lambda: int.from_bytes(), lambda: "a".join(), lambda: "a".join(1, 2),
    lambda: b"a".split(1, 2, 3), lambda: [].extend(), lambda: [].count(),
    lambda: "a".format_map(), lambda: "a".zfill(), lambda: "a".strip(1, 2),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
tests2 = [lambda: "a".startswith(), lambda: "a".endswith(1,2,3,4), lambda: "a".find(), lambda: "a".count(), lambda: "a".index(), lambda: "a".rfind(1,2,3,4), lambda: b"a".find(), lambda: b"a".startswith(), lambda: [].index(), lambda: (1,).index(1,2,3,4)]
for t in tests2:
    try:
        t()
    except TypeError as e:
        print(e)
