# Module globals read by methods and functions: folded only when bound once before any use
# can run; rebinding, `global` stores, stores from another module and uses before the binding
# keep CPython's semantics.
import globals_fold_helper as helper

EPS = 1e-9
LIMIT = 3
NAME = "ray"
FLAG = True
NOTHING = None
RATE = 0.5          # rebound below: never folded
COUNT = 10          # rebound by a function (global statement)


class Vec:
    def __init__(self, x):
        self.x = x

    def scaled(self):
        return Vec(self.x * RATE)

    def tiny(self):
        return abs(self.x) < EPS

    def limited(self, n):
        return n < LIMIT and FLAG and NOTHING is None

    def label(self):
        return NAME + ":" + str(self.x)

    def shared(self):
        return helper.SHARED * self.x


def bump():
    global COUNT
    COUNT += 1
    return COUNT


def late_user():
    return LATE + 1


def use_count():
    return COUNT * 2


try:
    late_user()
except NameError as e:
    print("NameError:", e)


class Early:
    def get(self):
        return AFTER * 3


try:
    Early().get()
except NameError as e:
    print("NameError:", e)
AFTER = 7
LATE = 41
print(Early().get(), late_user())

v = Vec(2.0)
print(v.scaled().x, v.tiny(), Vec(1e-12).tiny(), v.limited(2), v.limited(5), v.label())
RATE = 4.0
print(v.scaled().x)
print(use_count(), bump(), use_count())
print(v.shared())
helper.SHARED = 10.0
print(v.shared())
helper.set_shared(0.25)
print(v.shared(), helper.read_shared())


class Later:
    def me(self):
        return Later


print(Later().me() is Later)
