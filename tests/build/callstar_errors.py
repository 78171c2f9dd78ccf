def two(a, b):
    return a + b


class K:
    def m(self, *a):
        return a


for fn in (lambda: two(*3), lambda: two(1, *3), lambda: two(*[1], *3), lambda: two(**3),
           lambda: two(1, **3), lambda: print(*3), lambda: [*3], lambda: two(*None),
           lambda: K().m(*5), lambda: two(*"ab"), lambda: two(*(x for x in (4, 5))),
           lambda: two(*{7: 0, 8: 0}), lambda: two(*[1, 2], **{})):
    try:
        print(fn())
    except TypeError as e:
        print("TypeError:", e)
