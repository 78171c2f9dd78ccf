# A class with a metaclass is not plain: its calls and instances stay dynamic (D111).
class M(type):
    pass


class K(metaclass=M):
    def __init__(self):
        self.v = 1.0


def main():
    k = K()
    print(k.v)


main()
