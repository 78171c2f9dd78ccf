# __format__ of the built-in types passes the spec through
print(int.__format__(5, "03"), str.__format__("x", ">3"), float.__format__(1.25, ".1f"))
print((5).__format__("03"), "x".__format__(">3"), (1.25).__format__(".1f"), format(7, "x"))
print(bool.__format__(True, ""), complex.__format__(1j, ""), object.__format__(object(), "")[:8])
class I(int): pass
print(I(3).__format__("04"), int.__format__(I(3), "b"))
class S(str): pass
print(format(S("ab"), ">4"), S("ab").__format__("<3") + "|")
try:
    str.__format__("x", 5)
except TypeError as e:
    print(e)
