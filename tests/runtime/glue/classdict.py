# type.__dict__ is a read-only mappingproxy; a metaclass's classes keep type's __dict__;
# the MRO error message is wrapped as CPython 3.11 prints it
class C:
    x = 1
    def f(self): pass
d = C.__dict__
print(type(d).__name__, len(d) > 0, 'x' in d, d['x'], d.get('x'), d.get('zz', 5), d.get('zz'))
print(sorted(k for k in d if not k.startswith('__')), sorted(k for k in d.keys() if k == 'x'))
print([v for k, v in d.items() if k == 'x'], 1 in list(d.values()))
try:
    d['y'] = 2
except TypeError as e:
    print(e)
class E: pass
print(repr(E.__dict__)[:14], type(vars(C)).__name__, C.__dict__ == dict(C.__dict__))
print(type(d.copy()).__name__, dict(C.__dict__)['x'])

class M(type): pass
class K(metaclass=M):
    z = 3
print('__dict__' in M.__dict__, K.__dict__['z'], type(K.__dict__).__name__)
K.w = 4
print(K.__dict__['w'], 'w' in vars(K))

class SingletonMeta(type):
    def __call__(cls, *args, **kwargs):
        if "_instance" not in cls.__dict__:
            cls._instance = super().__call__(*args, **kwargs)
        return cls._instance
class Settings(metaclass=SingletonMeta):
    def __init__(self, value):
        self.value = value
class OtherSettings(Settings):
    pass
s1 = Settings(1)
s2 = Settings(2)
o1 = OtherSettings(3)
print(s1 is s2, s1.value, s2.value, o1 is s1, o1.value, OtherSettings(4).value)

class Base: pass
class Left(Base): pass
try:
    class Bad(Base, Left): pass
except TypeError as e:
    print(e)
