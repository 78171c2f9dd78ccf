obj.meth(x, y=1, y=2)
