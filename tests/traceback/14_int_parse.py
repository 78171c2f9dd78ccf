# int() of a bad string, via a lambda and map
parse = lambda s: int(s, 10)
print(list(map(parse, ["1", "2", "x3"])))
