class C:
    v = [1]
r = C.v [0]  [ 2 ]
