# None|instance unions: a variable that is None or an instance of one class.  After an
# `is None` / `is not None` test its uses are typed (direct method calls); elsewhere the
# attribute read goes through the runtime, with CPython's AttributeError on None.


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

    def total(self):
        return self.value * 2


def last(n):
    node = None
    for i in range(n):
        node = Node(i)
    if node is not None:
        print("last", node.value, node.total())
    if node is None:
        print("no node")
    else:
        print("else", node.total())
    return node


def walk(head):
    node = head
    count = 0
    while node is not None:
        count += node.total()
        node = node.next
    return count


a = Node(1)
b = Node(2)
a.next = b
print(walk(a), walk(None))
last(3)
last(0)
found = last(0)
print(found.value)
