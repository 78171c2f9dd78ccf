# A store of an unknown type on a receiver the inference cannot pin down poisons the
# attribute for every class: Box.value is dyn.
class Box:
    def __init__(self, value):
        self.value = value

    def peek(self):
        return self.value


def fill(things, v):
    for t in things:
        t.value = v   # t is dyn: it may be a Box


def main():
    b = Box(1.5)
    fill({"k": b}.values(), "text")
    print(b.peek())


main()
