# Direct method calls: self.m() inside methods once self is typed, o.m() on a known instance.
class Acc:
    def __init__(self):
        self.total = 0

    def add(self, k):
        self.total = self.total + k
        return self

    def twice(self, k):
        self.add(k)
        return self.add(k).total


def main():
    a = Acc()
    for i in range(100):
        a.twice(i)
    print(a.total)


main()
