a, b = 1, 2
x, y = a + b
