# explain golden: a union of exact instance classes (Dog|Cat|Bird) from a list of mixed
# instances: method calls dispatch on the class to each clone, a shared slot loads directly,
# an attribute at different slots goes through the generic getattr, and a class whose method
# cannot be specialised (keyword-only parameter) takes the generic call (D105).
class Animal:
    def __init__(self, name):
        self.name = name


class Dog(Animal):
    def __init__(self, name, w):
        self.name = name
        self.w = w

    def speak(self, n):
        return self.w * n


class Cat(Animal):
    def __init__(self, name, w):
        self.name = name
        self.lives = 9
        self.w = w

    def speak(self, n):
        return self.w + n


class Bird(Animal):
    def __init__(self, name, w):
        self.name = name
        self.w = w

    def speak(self, n, *, loud=False):
        return -self.w


def chorus(animals):
    total = 0.0
    names = []
    for a in animals:
        total = total + a.speak(2.0)
        names.append(a.name)
        total = total + a.w
    return total, names


print(chorus([Dog("rex", 3.0), Cat("tom", 1.5), Bird("tweety", 0.5)]))
