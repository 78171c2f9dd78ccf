class C:
    a = [y := 1 for x in range(3)]
