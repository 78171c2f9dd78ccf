a, b = 1, 0
r = f"{a // b}"
