a = 0
r = -(a) // a
