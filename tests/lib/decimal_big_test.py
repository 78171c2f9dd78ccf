# decimal with coefficients beyond int/str's 4300-digit conversion limit (precision 6000)
from decimal import Decimal, getcontext, localcontext
getcontext().prec = 6000
x = Decimal(1) / 7
print(str(x)[:50], len(str(x)), str(x)[-20:])
r = Decimal(2).sqrt()
print(str(r)[-30:], len(r.as_tuple().digits))
big = Decimal("1" * 5000 + ".5")
print(len(str(big)), str(big + 1)[-10:], big.adjusted())
print(format(x, ".100f")[-20:], format(Decimal(10) ** 5000, "e")[:20])
