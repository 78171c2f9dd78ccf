# reversed(): __reversed__ first (None = not reversible), then __len__ + __getitem__
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "item%d" % i
print(list(reversed(Seq())))
class Custom:
    def __reversed__(self):
        return iter(["custom", "reversed"])
print(list(reversed(Custom())))
class Both(Seq):
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Both())))
class No(Seq):
    __reversed__ = None
for v in (No(), (x for x in [1]), {1, 2}, 5, Custom):
    try:
        reversed(v)
    except TypeError as e:
        print(e)
class L(list):
    pass
print(list(reversed(L([1, 2, 3]))), list(reversed({"a": 1, "b": 2})), list(reversed("abc")))
class D(dict):
    pass
print(list(reversed(D(a=1, b=2))))
from collections import OrderedDict
print(list(reversed(OrderedDict([("k1", 1), ("k2", 2)]))))
