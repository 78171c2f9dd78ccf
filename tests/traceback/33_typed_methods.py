class A:
    def __init__(self, k):
        self.k = k
        self.check()

    def check(self):
        if self.k > 2:
            raise ValueError("too big: %d" % self.k)

    def deep(self, n):
        return self.deep(n + 1)


def main():
    a = A(1)
    try:
        a.deep(0)
    except RecursionError as e:
        print("RecursionError", e)
    A(5)


main()
