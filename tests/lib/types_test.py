"""types: SimpleNamespace and type objects."""
import types

ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1]), ns != types.SimpleNamespace())
print(types.SimpleNamespace(), types.SimpleNamespace(z=3))


def f():
    pass


def g():
    yield 1


class C:
    def m(self):
        pass


print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType), isinstance(len, types.BuiltinFunctionType))
print(isinstance(g(), types.GeneratorType), isinstance(C().m, types.MethodType), isinstance(types, types.ModuleType), type(None) is types.NoneType)
