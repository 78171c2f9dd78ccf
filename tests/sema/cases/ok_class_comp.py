class C:
    [y for y in (lambda: 1)()]
    def __init__(self):
        self.__x = [__class__ for _ in ()]
