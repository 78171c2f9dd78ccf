a = [1]
for x in a[0]:
    pass
