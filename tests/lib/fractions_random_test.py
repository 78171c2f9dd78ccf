# seeded random differential of Fraction: arithmetic, mixed int/float, rounding, limit_denominator, hash
import random
from fractions import Fraction as F
rng = random.Random(5)
for i in range(500):
    a = F(rng.randint(-10**rng.randint(1, 30), 10**rng.randint(1, 30)), rng.randint(1, 10**rng.randint(1, 25)))
    b = F(rng.randint(-1000, 1000), rng.randint(1, 1000))
    f = rng.uniform(-1e6, 1e6)
    n = rng.randint(-50, 50)
    row = [a, a + b, a - b, a * b, a / b if b else None, a // b if b else None, a % b if b else None,
           a + n, n - a, a * f, a < f, a == f, F(f), F(f).limit_denominator(rng.randint(1, 10**6)),
           a.limit_denominator(rng.randint(1, 10**9)), round(a), round(a, rng.randint(-3, 5)), float(a), int(a),
           hash(a), b ** rng.randint(-4, 6) if b else None, a > b, str(F(str(round(f, 4))))]
    print(" | ".join(str(x) for x in row))
