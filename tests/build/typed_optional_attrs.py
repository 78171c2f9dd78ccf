# Attribute access on a C|None value (typed tier): the slot of C's fixed layout after an inline
# None test; None raises CPython's AttributeError (reads and stores), with the traceback.
class Packet:
    def __init__(self, ident):
        self.ident = ident
        self.cursor = 0
        self.data = [0, 0]


class Holder:
    def __init__(self):
        self.pending = None
        self.seen = 0

    def put(self, p):
        self.pending = p

    def take(self):
        if self.pending is None:
            return -1
        p = self.pending            # Packet|None: a second load, not narrowed
        self.pending = None
        p.cursor += 1               # a typed slot store on Packet|None
        p.data[0] = p.ident * 2
        return p.cursor + p.data[0]

    def peek_ident(self):
        return self.pending.ident   # None here raises AttributeError

    def poke(self, v):
        self.pending.cursor = v     # None here raises AttributeError


def main():
    h = Holder()
    print(h.take())
    pk = Packet(5)
    h.put(pk)
    print(h.peek_ident(), h.take(), pk.cursor, pk.data)
    h.put(pk)
    h.poke(10)
    print(h.take(), pk.cursor)
    try:
        h.peek_ident()
    except AttributeError as e:
        print("AttributeError", e)
    try:
        h.poke(3)
    except AttributeError as e:
        print("AttributeError", e)
    big = Packet(2 ** 62)
    h.put(big)
    print(h.take(), big.data)
    h.put(pk)
    pk.cursor = 2 ** 63
    print(h.take())
    h.poke(1)


main()
