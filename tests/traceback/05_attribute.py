# AttributeError on an attribute load inside an expression
class P:
    def __init__(self):
        self.x = 1
def norm(p):
    return p.x * p.x + p.y * p.y
norm(P())
