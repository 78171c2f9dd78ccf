# An instance attribute shadows the method after the call site's cache was filled; the
# attribute is not callable, so the TypeError of the call points at the whole call.
class P:
    def name(self):
        return "P"


def show(p):
    return p.name()


p = P()
print(show(p), show(p))
p.name = "shadow"
print(show(p))
