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


# CoroutineType, AsyncGeneratorType and types.coroutine (generator-based coroutines)
@types.coroutine
def yield_once(v):
    got = yield "suspended"
    return ("resumed", v, got)


async def use():
    return await yield_once(5)


co = use()
print(type(co) is types.CoroutineType, co.send(None))
try:
    co.send("x")
except StopIteration as e:
    print("returned", e.value)
print(yield_once.__name__, types.coroutine(use) is use)


async def agen():
    yield 1


print(isinstance(agen(), types.AsyncGeneratorType), type(agen()).__name__)
try:
    types.coroutine(3)
except TypeError as e:
    print(e)
