# Slot guards (slotguard.c) next to accesses on a C|None receiver (SLOT_MAYBE_NONE): the
# None-tested accesses stay outside the guarded copies; None raises the AttributeError.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.nxt = None


def walk(p):
    total = 0.0
    while p is not None:
        total += p.x * p.y
        p = p.nxt
    return total


def pair(a, b):
    s = a.x + a.y
    a.x = s
    t = b.x + s      # b is P|None: AttributeError when None
    b.y = t
    return a.x + b.y


head = P(1.0, 2.0)
head.nxt = P(3.0, 4.0)
head.nxt.nxt = P(5.0, 6.0)
print(walk(head))
print(pair(P(1.0, 2.0), P(3.0, 4.0)))
q = head.nxt
print(pair(head, q))
for b in (P(0.5, 0.25), None):
    try:
        print(pair(P(1.0, 1.0), b))
    except AttributeError as e:
        print("AttributeError:", e)
print(pair(P(2.0, 2.0), head.nxt.nxt.nxt))
