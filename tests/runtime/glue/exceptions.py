for args in [(), ("one",), ("a", 2), (1, 2, 3), (None,), ("",)]:
    e = ValueError(*args)
    print(repr(str(e)), repr(e), e.args)
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))

class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(f"{code}: {msg}")
        self.code = code
        self.msg = msg

class Quiet(Exception):
    def __str__(self):
        return "quiet!"

class NoSuper(Exception):
    def __init__(self, x):
        self.x = x

class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr<>"

for e in [AppError(404, "not found"), Quiet("a", "b"), NoSuper(5), WithRepr("z")]:
    print(type(e).__name__, repr(str(e)), repr(e), e.args)

try:
    raise AppError(500, "boom")
except Exception as e:
    print(e.code, e.msg, e, isinstance(e, AppError), e.__traceback__ is not None)
    print(type(e.__traceback__).__name__, e.__traceback__.tb_lineno > 0)

def f():
    raise KeyError("missing")
try:
    f()
except KeyError as e:
    tb = e.__traceback__
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    print("frames", n)

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("bad") from z
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))

e = OSError(2, "No such file")
print(str(e), e.errno, e.strerror, type(e).__name__)
print(str(OSError("just msg")), repr(OSError(1, 2, 3)))
e = StopIteration(7)
print(e.value, repr(e))
e = SystemExit(3)
print(e.code)
e = UnicodeEncodeError("ascii", "héllo", 1, 2, "ordinal not in range(128)")
print(str(e), e.start, e.end, e.object)
try:
    "héllo".encode("ascii")
except UnicodeEncodeError as e:
    print(e, "|", e.encoding, e.start, e.end, e.reason)
try:
    b"\xc3\x28ab".decode()
except UnicodeDecodeError as e:
    print(e, "|", e.encoding, e.object, e.start, e.end, e.reason)
print(str(UnicodeDecodeError("utf-8", b"abcd", 1, 3, "broken")))
e = Exception("x")
e.args = [1, 2]
print(e.args, str(e))
print(BaseException.__name__, Exception.__mro__[1].__name__, issubclass(KeyError, LookupError))
