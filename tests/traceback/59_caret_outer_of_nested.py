a, b, c = 2, 3, "s"
r = a * b + c
