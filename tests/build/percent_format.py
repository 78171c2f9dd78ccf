# %-formatting of ints (small ones take a path without an intermediate str) and floats:
# every conversion with flags, width and precision, at the small/big int boundary.
vals = [0, 1, -1, 9, 10, -255, 4095, 2**31, -2**31, 2**62 - 1, -2**62, 2**62, -2**62 - 1,
        2**63, -2**64, 10**25, True, False]
for v in vals:
    print("%d|%5d|%-5d|%05d|%+d|% d|%.3d|%8.4d|%x|%X|%#x|%#X|%o|%#o|%#10o|%-#8x|%i|%u" %
          ((v,) * 18))
for x in [0.0, -0.0, 1.5, -2.5, 123456789.125, 1e-5, 1e300, float("inf"), float("nan"), 7]:
    print("%f|%.2f|%15.2f|%-10.1f|%+e|%E|%g|%G|%#g|%010.3f|% f" % ((x,) * 11))
print("%-10s %15.2f %s" % ("north:", 1234567.891, "*" * 3))
print("%c%c|%5s|%-5r|%a|%%" % (65, "é", "ab", "cd", "é"))
