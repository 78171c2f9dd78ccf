# decimal beyond the conformance program: special values, signals and their messages,
# formatting, and seeded random arithmetic in every rounding mode at several precisions
import decimal as D
from decimal import Decimal as d, localcontext, getcontext
import random


def err(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(repr(getcontext()))
for f in [lambda: d('abc'), lambda: d(1) / d(0), lambda: d(0) / d(0), lambda: d(-1).sqrt(),
          lambda: d('1.5') + 1.5, lambda: 1.5 + d('1.5'), lambda: d('1.5') * 2.0,
          lambda: d('nan') < 1, lambda: d('nan') == 1,
          lambda: d('1e999999') * 10, lambda: d(10) // d(0), lambda: d(10) % d(0), lambda: d(0) % d(0),
          lambda: d('123.456').quantize(d('1e-30')), lambda: round(d('nan')), lambda: round(d('inf')),
          lambda: int(d('inf')), lambda: int(d('nan')), lambda: hash(d('snan')),
          lambda: d('1e100000') // d('1e-100000'), lambda: d(2) ** d('0.5'), lambda: d(2) ** -2,
          lambda: d(0) ** -1, lambda: d(0) ** 0, lambda: d((0, (1, 2), -1)), lambda: d('  1_000.5  '),
          lambda: d('1e'), lambda: d.from_float(-0.0), lambda: d(float('nan')), lambda: d(float('-inf')),
          lambda: d('-0') + d('0'), lambda: d('-0') + d('-0'), lambda: -d('0'), lambda: d('5') - d('5'),
          lambda: d('1.0') * d('2.00'), lambda: d('1E+2') + d('1'), lambda: d('100').sqrt(),
          lambda: d('0.0100').sqrt(), lambda: d('1e-7'), lambda: d('0.000001'), lambda: d('123e-10'),
          lambda: d('1.23e20'), lambda: d('-0.0e5'), lambda: d('Inf'), lambda: d('-nan123'), lambda: d('sNaN'),
          lambda: format(d('1234.5678'), ',.2f'), lambda: format(d('1.5'), 'e'), lambda: format(d('0.000123'), 'g'),
          lambda: format(d('12'), '%'), lambda: format(d('1.2345'), '.2'), lambda: format(d('-1.5'), '>10'),
          lambda: format(d('1234567.891'), '_.1f'), lambda: format(d('-12.5'), '010.2f'), lambda: format(d('12.5'), '^9'),
          lambda: format(d('0.5'), '.0f'), lambda: format(d('2.5'), '.0f'), lambda: format(d('123.456'), '.2e'),
          lambda: format(d('1e10'), 'f'), lambda: format(d('1.23e-10'), ''), lambda: format(d('12345'), '.3g'),
          lambda: d('7.5') % d('2'), lambda: d('-7.5') // d('2'), lambda: divmod(d('-7'), d(2)),
          lambda: d(10) ** 30, lambda: d('1.000').normalize(), lambda: d('-0.00').normalize(),
          lambda: d('1e5').to_integral_value(), lambda: d('2.5').to_integral_value(), lambda: d(1).exp(),
          lambda: d(10).ln(), lambda: d(100).log10(), lambda: d('0.5').log10(), lambda: d(2).ln(), lambda: d('-3.5').exp(),
          lambda: d('3.14').adjusted(), lambda: d('1.10').compare(d('1.1')), lambda: d('1.5').max(d(2)),
          lambda: d(1).is_zero(), lambda: d('-1').is_signed(), lambda: d('1.5').copy_negate(),
          lambda: d('0.1') + 0.1, lambda: d(4) ** d('0.5'), lambda: d('1.5') ** 3, lambda: d(-2) ** 3,
          lambda: d(-8) ** d('0.5'), lambda: d('2.5').as_integer_ratio(), lambda: d('-0.125').as_tuple(),
          lambda: d('inf').as_tuple(), lambda: float(d('1.1')), lambda: int(d('-7.9')), lambda: round(d('2.675'), 2),
          lambda: round(d('-2.5')), lambda: round(d('3.5')), lambda: hash(d('0.5')) == hash(0.5),
          lambda: hash(d(10)) == hash(10), lambda: hash(d('1.10')) == hash(d('1.1')), lambda: d('0.5') == 0.5,
          lambda: d(1) < 1.5, lambda: d('2') > 1, lambda: sorted([d('1.1'), 2, d('-3'), 0.5]),
          lambda: sum([d('0.1')] * 10), lambda: d('1') / 3 * 3, lambda: str(d('1e3')), lambda: d('1e3').to_eng_string(),
          lambda: d('123456789e3').to_eng_string(), lambda: d(12345678901234567890123456789) + 1,
          lambda: d('1.1').quantize(d('0.01'), D.ROUND_UP), lambda: d('-1.15').quantize(d('0.1'), D.ROUND_05UP),
          lambda: d('9.999').quantize(d('0.01')), lambda: d('1e-1000001'), lambda: d('1e-1000001') * 1,
          lambda: d('1e-999999') / 10, lambda: bool(d('0e5')), lambda: d('1.5').remainder_near(d(1)),
          lambda: pow(d(3), 4, 5), lambda: abs(d('-0.0')), lambda: d('5').fma(2, 3), lambda: d(2).exp(), lambda: d('0.001').ln(), lambda: d(3) ** d('1.5'), lambda: d('1.0001') ** 10000]:
    err(f)

with localcontext() as c:
    c.prec = 3
    print(d(1) / 3, d('1234') + 0, d('0.99999') + 0, +d('-1.2345'), d(2).sqrt(), d(10) ** 10)
    c.traps[D.Inexact] = True
    err(lambda: d(1) / 3)
    print(d(1) / 4, c.flags[D.Inexact], c.flags[D.Rounded])
    c.Emax = 5
    c.traps[D.Inexact] = False
    err(lambda: d(999999) * 10)
    c.traps[D.Overflow] = False
    print(d(999999) * 10, -d(999999) * 10, c.flags[D.Overflow])
    c.rounding = D.ROUND_DOWN
    print(d(999999) * 10)
    err(lambda: setattr(c, 'prec', 0))
    err(lambda: setattr(c, 'rounding', 'x'))
with localcontext(prec=50) as c:
    print(d(2).sqrt(), d(1).exp(), c.prec)
print(getcontext().prec, isinstance(D.DivisionByZero(), ZeroDivisionError), issubclass(D.Overflow, D.Inexact))
print(D.Context(prec=5), D.ExtendedContext.prec, D.BasicContext.rounding)

# seeded random arithmetic in every rounding mode
rng = random.Random(1234)
modes = [D.ROUND_DOWN, D.ROUND_HALF_UP, D.ROUND_HALF_EVEN, D.ROUND_CEILING, D.ROUND_FLOOR,
         D.ROUND_UP, D.ROUND_HALF_DOWN, D.ROUND_05UP]


def rnd():
    digits = rng.randint(1, 25)
    s = str(rng.randrange(10 ** digits))
    e = rng.randint(-20, 10)
    sign = rng.choice(['', '-'])
    return d(sign + s + 'e' + str(e))


lines = []
for i in range(400):
    a, b = rnd(), rnd()
    mode = modes[i % 8]
    with localcontext(prec=rng.randint(1, 30), rounding=mode) as c:
        row = []
        for op in [lambda: a + b, lambda: a - b, lambda: a * b, lambda: a / b, lambda: abs(a).sqrt(),
                   lambda: a // b, lambda: a % b, lambda: a.quantize(d('1e-3')), lambda: a.compare(b),
                   lambda: +a, lambda: a.fma(b, a), lambda: a.remainder_near(b), lambda: a ** 2,
                   lambda: round(a, 2), lambda: a.normalize(), lambda: a.to_integral_value(), lambda: a == b,
                   lambda: a < b]:
            try:
                row.append(op())
            except Exception as e:
                row.append(type(e).__name__)
        row.append(sorted(k.__name__ for k, v in c.flags.items() if v))
    lines.append(' '.join(str(x) for x in row))
print(len(lines))
for line in lines:
    print(line)
