# nested binary operations: the failing one is marked
a, b, c = 2, "s", 3
print(a * c + b * c - a)
