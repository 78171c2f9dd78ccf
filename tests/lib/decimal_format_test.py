# format() of Decimal: every kind of spec over special, zero, tiny and random values
from decimal import Decimal as d
import random
rng = random.Random(7)
specs = ['', 'f', '.2f', '.0f', 'e', '.3e', 'E', 'g', '.3g', '.1g', 'G', '%', '.1%', ',', ',.2f', '10.3f', '<12.2e', '^15g', '+.2f', ' .3f', '010.2f', '#.0f', '.10g', '>+8', '=+12,.2f', '012,.1f', 'n', '.4', '.2', '#.3g']
vals = ['0', '-0', '0.000', '1', '-1.5', '123.456', '1e10', '1.23e-10', '0.0001234', '12345678.9', '9.999', '-0.0005', '100', '1E+2', '2.5', 'Infinity', '-inf', 'NaN', '0E-7', '1234.5']
for i in range(40):
    vals.append(('-' if rng.random() < 0.3 else '') + str(rng.randrange(10 ** rng.randint(1, 12))) + 'e' + str(rng.randint(-15, 8)))
for v in vals:
    out = []
    for s in specs:
        try:
            out.append(format(d(v), s))
        except Exception as e:
            out.append(type(e).__name__)
    print(v, '|'.join(out))
