# type(x) used as a class (called here) still opens every class: Cursor's attributes are dyn,
# and the program still runs as CPython does.


class Cursor:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def advance(self):
        self.pos += 1
        return self.pos < len(self.text)


def clone(value):
    return type(value)(value.text + "!")


def main():
    c = Cursor("abc")
    while c.advance():
        pass
    d = clone(c)
    print(c.pos, d.pos, d.text, type(d).__name__, type(d) is Cursor)


main()
