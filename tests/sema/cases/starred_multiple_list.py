[*a, b, *c] = x
