# ImportError's name/path/msg: constructor keywords, attributes, and from-import failures
e = ImportError("boom", name="mod", path="/x/mod.py")
print(e, e.name, e.path, e.msg, e.args)
e = ModuleNotFoundError("nf")
print(e.name, e.path, e.msg)
e = ImportError()
print(e.name, e.path, e.msg, repr(e))
e.name = "n"
print(e.name)
try:
    ImportError("x", foo=1)
except TypeError as err:
    print(err)
class MyIE(ImportError):
    def __init__(self, m):
        super().__init__(m, name="sub")
print(MyIE("q").name, MyIE("q").msg)
try:
    from os import does_not_exist
except ImportError as e:
    print(e.name, type(e).__name__)
try:
    raise ImportError("r", name="rr")
except ImportError as e:
    print(e.name, e.path)
