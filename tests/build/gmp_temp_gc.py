# Big-int multiplications large enough for GMP's FFT (its temporary blocks hold pointers to
# each other) while the collector runs in the middle of them: every product must be right and
# the program must not crash or hang (aithon issue 4, found through lib/decimal).
m = 1000000007
a = 3 ** 2000000
ra = pow(3, 2000000, m)
bad = 0
for i in range(30):
    junk = [str(k) for k in range(2000)]
    b = a * (a + i)
    if b % m != ra * ((ra + i) % m) % m:
        bad += 1
    c = (a + i) ** 2
    if c % m != (ra + i) * (ra + i) % m:
        bad += 1
print("wrong results:", bad)
