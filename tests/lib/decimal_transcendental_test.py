# seeded random differential of Decimal exp, ln, log10 and power at random precisions
import random
from decimal import Decimal as D, localcontext, ROUND_HALF_EVEN
rng = random.Random(3)
for i in range(60):
    prec = rng.randint(1, 40)
    x = D("%de%d" % (rng.randint(1, 10**rng.randint(1, 12)), rng.randint(-15, 5)))
    y = D("%s%de%d" % (rng.choice(["", "-"]), rng.randint(1, 999), rng.randint(-3, 0)))
    row = []
    with localcontext(prec=prec, rounding=ROUND_HALF_EVEN) as c:
        for op in [lambda: x.ln(), lambda: x.log10(), lambda: (y / 7).exp(), lambda: x ** y, lambda: x.sqrt(), lambda: (-y).exp()]:
            try:
                row.append(op())
            except Exception as e:
                row.append(type(e).__name__)
    print(i, prec, x, y, " ".join(str(r) for r in row))
