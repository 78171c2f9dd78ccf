[x for x in [(y := 2) for q in r]]
