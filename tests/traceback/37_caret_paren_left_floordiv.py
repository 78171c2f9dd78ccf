a, b, c = 5, 2, 0
r = (a - b) // c
