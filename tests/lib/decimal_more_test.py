# decimal: scaleb, next_minus/next_plus/next_toward, number_class, shift, rotate and the
# logical operations, as methods and as Context methods, with the flags they raise
# (expected output from CPython 3.11's C decimal).
import decimal
from decimal import Decimal, Context, localcontext

SIGNALS = [decimal.Clamped, decimal.InvalidOperation, decimal.DivisionByZero,
           decimal.Inexact, decimal.Rounded, decimal.Subnormal, decimal.Overflow,
           decimal.Underflow, decimal.FloatOperation]


def show(ctx, label, f):
    ctx.clear_flags()
    try:
        r = f()
        text = repr(r)
    except (ArithmeticError, TypeError, ValueError) as e:
        text = "raises " + type(e).__name__
    flags = [s.__name__ for s in SIGNALS if ctx.flags[s]]
    print(label, "->", text, flags)


quiet = Context(prec=9, Emin=-99, Emax=99, traps=[])
loud = Context(prec=9, Emin=-99, Emax=99)
clampy = Context(prec=5, Emin=-20, Emax=20, clamp=1, traps=[])
contexts = [("quiet", quiet), ("loud", loud), ("clamp", clampy)]

values = ["0", "-0", "1", "-1", "1.23", "-1.23", "123456789", "1234567890123", "9.99999999E+99",
          "-9.99999999E+99", "1E-99", "1E-107", "-1E-107", "1E-108", "0E-120", "0E+120",
          "Infinity", "-Infinity", "NaN", "-NaN12", "sNaN", "-sNaN7", "7.50E+5", "1E+100"]
scales = ["0", "1", "-1", "2", "-3", "9", "-9", "10", "-10", "250", "-250", "2.0", "1.5", "Inf",
          "NaN", "sNaN", "1E+1", "216", "-216", "217", "-217", "220"]

for name, ctx in contexts:
    print("====", name)
    for v in values:
        a = Decimal(v)
        show(ctx, "next_minus %s" % v, lambda: a.next_minus(ctx))
        show(ctx, "next_plus %s" % v, lambda: a.next_plus(ctx))
        show(ctx, "number_class %s" % v, lambda: a.number_class(ctx))
        for t in ["0", "1", "-1", "Infinity", "-Infinity", "NaN", "1E-200", v]:
            b = Decimal(t)
            show(ctx, "next_toward %s %s" % (v, t), lambda: a.next_toward(b, ctx))
    for v in values:
        a = Decimal(v)
        for n in scales:
            b = Decimal(n)
            show(ctx, "scaleb %s %s" % (v, n), lambda: a.scaleb(b, ctx))
            show(ctx, "shift %s %s" % (v, n), lambda: a.shift(b, ctx))
            show(ctx, "rotate %s %s" % (v, n), lambda: a.rotate(b, ctx))

logicals = ["0", "1", "10", "101", "1101", "11111111111", "100000000001", "-1", "1.0", "1E+1",
            "12", "NaN", "Infinity", "0E+1", "110010"]
for name, ctx in contexts:
    print("==== logical", name)
    for x in logicals:
        a = Decimal(x)
        show(ctx, "invert %s" % x, lambda: a.logical_invert(ctx))
        for y in logicals:
            b = Decimal(y)
            show(ctx, "and %s %s" % (x, y), lambda: a.logical_and(b, ctx))
            show(ctx, "or %s %s" % (x, y), lambda: a.logical_or(b, ctx))
            show(ctx, "xor %s %s" % (x, y), lambda: a.logical_xor(b, ctx))

print("==== defaults and Context methods")
with localcontext() as c:
    c.prec = 6
    print(Decimal("1").next_minus(), Decimal("1").next_plus(), Decimal("1").next_toward(2))
    print(Decimal("12345").shift(2), Decimal("12345").rotate(-2), Decimal("5").scaleb(3))
    print(Decimal("1E-999999").number_class(), Decimal("-0").number_class())
    print(Decimal("1011").logical_and(110), Decimal("1011").logical_or(Decimal("1100")))
    print(Decimal("1011").logical_xor(1), Decimal("1011").logical_invert())
    print(c.next_minus(5), c.next_plus(-5), c.next_toward(5, 6), c.number_class(0))
    print(c.scaleb(Decimal("1.5"), 2), c.shift(123, 3), c.rotate(123, -1))
    print(c.logical_and(1, 11), c.logical_or(100, 1), c.logical_xor(11, 1), c.logical_invert(0))
    for bad in [lambda: Decimal(1).scaleb("2"), lambda: Decimal(1).shift(1.0),
                lambda: Decimal(1).logical_and("1"), lambda: Decimal(1).next_toward(1.5),
                lambda: c.logical_invert("1"), lambda: Decimal(1).rotate(None)]:
        try:
            print(bad())
        except TypeError as e:
            print("TypeError", e)
    for trapped in [lambda: Decimal("1.5").scaleb(Decimal("1.5")),
                    lambda: Decimal("2").logical_and(2),
                    lambda: Decimal("9.99999E+999999").next_toward(Decimal("Inf")),
                    lambda: Decimal("sNaN").next_plus()]:
        try:
            print(trapped())
        except ArithmeticError as e:
            print(type(e).__name__, e)
