print("hello, world")
print(1, 2.5, "three", None, True, [1, 2], (3,), {"k": 4})
