import importlib
import math
import string

print(importlib.import_module("math") is math)
print(importlib.import_module("string") is string)
print(importlib.import_module("time").__name__)
try:
    importlib.import_module("no_such_module_xyz")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e, e.name)
try:
    importlib.import_module(".x")
except TypeError as e:
    print("TypeError", e)
print(importlib.reload(math) is math)
