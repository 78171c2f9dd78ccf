a, b = 7, 0
print(a % b)
