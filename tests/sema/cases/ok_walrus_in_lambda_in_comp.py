z = [lambda: (y := 1) for x in r]
