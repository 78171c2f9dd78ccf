class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
    def __repr__(self):
        return "Animal(" + repr(self.name) + ")"

class Dog(Animal):
    def speak(self):
        return Animal.speak(self) + ": woof"

d = Dog("rex")
print(d.speak(), d.kind, isinstance(d, Animal), repr(d))
print([Animal("a"), Dog("b")])
