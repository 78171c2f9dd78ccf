a, b = 1, 0
a // b
