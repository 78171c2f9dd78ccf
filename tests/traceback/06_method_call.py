# an exception raised inside a method called from a method
class Stack:
    def __init__(self):
        self.items = []
    def pop(self):
        return self.items.pop()
    def top_twice(self):
        return self.pop(), self.pop()
s = Stack()
s.items.append(1)
print(s.top_twice())
