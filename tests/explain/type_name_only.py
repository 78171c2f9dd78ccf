# type(x).__name__ (only the class's name is read) leaves the program's classes closed: Cursor's
# attributes stay typed.  Any other use of type(x) (calling the class, comparing it) opens them.


class Cursor:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def advance(self):
        self.pos += 1
        return self.pos < len(self.text)


class Sub(Cursor):
    pass


def describe(value):
    if isinstance(value, int):
        return "int " + str(value)
    return "other " + type(value).__name__ + " " + type(value).__qualname__


def main():
    c = Cursor("abc")
    steps = 0
    while c.advance():
        steps += 1
    print(steps, c.pos)
    print(describe(3), describe("s"), describe(c), describe(Sub("x")), describe(None))
    try:
        raise TypeError(f"cannot use {type(c).__name__}")
    except TypeError as e:
        print("TypeError:", e)


main()
