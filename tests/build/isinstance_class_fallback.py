# isinstance's __class__ fallback: only instances of classes can lie about their class.
class Fake:
    @property
    def __class__(self):
        return int


class Plain:
    pass


for v in [1, "s", 2.5, None, [1], (1,), {1: 2}, Fake(), Plain(), True, b"x", range(3)]:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (str, float)), isinstance(v, dict),
          isinstance(v, object))
