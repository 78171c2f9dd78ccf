a, b = 2, 3
r = [a @ b]
