# A plain class's method named `send` (or `throw`) in a program with no `yield from` or
# `await`: only the program's own calls reach it, so its specialised body keeps the
# attribute types (infer.c Infer.delegates, classes.c runtime_called).
class Channel:
    def __init__(self):
        self.count = 0
        self.last = 0.0
        self.items = []

    def send(self, value):
        self.count += 1
        self.last = value * 1.5
        self.items.append(value)
        return self.count

    def throw(self, exc):
        return "caught " + str(exc)


def main():
    ch = Channel()
    for k in range(5):
        ch.send(k)
    print(ch.count, ch.last, ch.items, ch.throw(ValueError("x")))
    print(ch.send(10), ch.items[-1], ch.last)
    try:
        ch.send("a")
    except TypeError as e:
        print("TypeError", e)


main()
