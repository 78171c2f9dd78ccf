def f():
    global x
    return [(x := 1) for i in r]
class C:
    def m(self):
        return [(y := i) for i in r], y
