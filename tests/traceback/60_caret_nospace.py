a, b = 1, "s"
r = a+b
