class C:
    y = 1
x = C()
r = x.y + "s"
