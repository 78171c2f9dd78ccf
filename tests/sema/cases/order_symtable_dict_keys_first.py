def f():
    return [{(yield): 1, 2: (x := 3)} for q in r]
