# Lists stored in attributes of exact instances keep their element types (typed tier), unless
# code that does not know the receiver's class reads the attribute and may store anything.
class Bag:
    def __init__(self):
        self.items = []
        self.other = []

    def add(self, x):
        self.items.append(x)

    def total(self):
        t = 0.0
        for x in self.items:
            t = t + x
        return t

    def show(self):
        return ["str" if isinstance(x, str) else "float" for x in self.other]


def tamper(holders, k):
    h = holders[k]          # dyn: a dict value
    h.other.append("str")   # reads .other on a receiver of unknown class
    return len(h.other)


def main():
    b = Bag()
    for i in range(5):
        b.add(i * 0.5)
    print(b.total(), len(b.items))
    b.other.append(1.5)
    holders = {"a": b, "n": 3}
    print(tamper(holders, "a"))
    print(b.show(), b.other)
    try:
        tamper(holders, "n")
    except AttributeError as e:
        print("AttributeError:", e)


main()
