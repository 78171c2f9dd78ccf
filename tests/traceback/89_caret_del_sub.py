a = {}
del a [ 0 ]
