a, b, c = 1, 2, "s"
r = a + b + c
