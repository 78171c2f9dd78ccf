# except* (PEP 654) and exception groups: splitting by clause, wrapping naked exceptions,
# re-raise vs raise in handlers (_PyExc_PrepReraiseStar), nesting, else/finally, the TypeError
# for except* ExceptionGroup, __context__, sys.exc_info, split/subgroup/derive
import sys
def show(e, ind=""):
    if isinstance(e, BaseExceptionGroup):
        print(ind + type(e).__name__, repr(e.message), "ctx=", type(e.__context__).__name__, "tb=", e.__traceback__ is not None)
        for x in e.exceptions: show(x, ind + "  ")
    else:
        print(ind + repr(e), "ctx=", type(e.__context__).__name__)

# naked re-raise
try:
    try:
        raise KeyError("k")
    except* KeyError as g:
        print("tb wrapped", g.__traceback__ is None, sys.exc_info()[1] is g)
        raise
except BaseException as e:
    show(e)
# naked unmatched
try:
    try:
        raise KeyError("k")
    except* ValueError as g:
        print("no")
except BaseException as e:
    show(e)
# raise in handler + rest
orig = ExceptionGroup("o", [ValueError(1), TypeError(2), KeyError(3)])
try:
    try:
        raise orig
    except* ValueError as g:
        raise RuntimeError("new")
    except* TypeError as g:
        raise
except BaseException as e:
    show(e)
    print(e is orig)
# all reraised
try:
    try:
        raise orig
    except* ValueError as g:
        raise
    except* TypeError as g:
        raise
    except* KeyError:
        raise
except BaseException as e:
    show(e); print(e is orig)
# naked, handler raises
try:
    try:
        raise KeyError("k")
    except* KeyError as g:
        raise ValueError("x")
except BaseException as e:
    show(e)
# type error
for T in [ExceptionGroup, (ValueError, BaseExceptionGroup), int]:
    try:
        try:
            raise ValueError(1)
        except* T:
            pass
    except TypeError as e:
        print(e, type(e.__context__).__name__)
# evaluation of later type exprs when all matched
def t(x):
    print("eval", x); return x
try:
    raise ExceptionGroup("a", [ValueError()])
except* t(ValueError):
    print("h1")
except* t(TypeError):
    print("h2")
else:
    print("else")
finally:
    print("fin")
try:
    pass
except* ValueError:
    pass
else:
    print("else2")
finally:
    print("fin2")
# notes
eg = ExceptionGroup("n", [ValueError(1)])
eg.add_note("note")
try:
    try:
        raise eg
    except* ValueError:
        raise
except BaseException as e:
    show(e); print(e is eg)
eg = ExceptionGroup("n", [ValueError(1), TypeError(2)])
eg.add_note("note")
try:
    try:
        raise eg
    except* ValueError:
        raise
    except* TypeError:
        raise
except BaseException as e:
    show(e); print(e is eg)
# raise a leaf of the original group
eg2 = ExceptionGroup("m", [ValueError(1), TypeError(2)])
try:
    try:
        raise eg2
    except* ValueError as g:
        raise g.exceptions[0]
except BaseException as e:
    show(e)
# handler raises the match object explicitly
try:
    try:
        raise eg2
    except* ValueError as g:
        raise g
except BaseException as e:
    show(e)
class MyEG(ExceptionGroup):
    pass
try:
    try:
        raise MyEG("my", [ValueError(1), TypeError(2)])
    except* ValueError as g:
        print(type(g).__name__)
except BaseException as e:
    show(e)
import sys
# split / subgroup / derive details
eg = ExceptionGroup("a", [ValueError(1), TypeError(2), ExceptionGroup("b", [ValueError(3), KeyError(4)])])
m, r = eg.split(ValueError)
print(repr(m), repr(r), m.__suppress_context__)
print(repr(eg.split(lambda e: isinstance(e, TypeError))))
print(eg.subgroup(lambda e: True) is eg, eg.subgroup(BaseException) is eg)
print(repr(eg.subgroup((KeyError, TypeError))))
try: eg.split(3)
except TypeError as e: print(e)
class E(ExceptionGroup):
    def derive(self, excs): return 5
try: E('x',[ValueError(),TypeError()]).split(ValueError)
except TypeError as e: print(e)
class F(ExceptionGroup):
    def derive(self, excs): return F(self.message + "!", excs)
print(repr(F('f', [ValueError(1), TypeError(2)]).split(TypeError)))
print(repr(ExceptionGroup('q',[ValueError()]).derive([KeyError()])))
print(repr(BaseExceptionGroup('q',[ValueError()]).derive([KeyboardInterrupt()])))

# nested try-star, raise inside handler of inner propagating to outer except*
def nested():
    try:
        try:
            raise ExceptionGroup("outer", [ValueError("v"), OSError("o"), ExceptionGroup("in", [KeyError("k"), ValueError("v2")])])
        except* ValueError as g:
            print("inner V:", repr(g))
            raise RuntimeError("from handler")
        except* KeyError as g:
            print("inner K:", repr(g))
    except* RuntimeError as g:
        print("outer R:", repr(g), repr(g.exceptions[0].__context__))
    except* OSError as g:
        print("outer O:", repr(g))
nested()

# else / finally / return value flow in a function
def f(x):
    out = []
    try:
        if x == 1:
            raise ExceptionGroup("g", [ValueError(x)])
        if x == 2:
            raise TypeError(x)
        out.append("body")
    except* ValueError as g:
        out.append("V" + repr(g.exceptions))
    except* TypeError as g:
        out.append("T" + repr(g))
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out
for i in range(3):
    print(f(i))

# return from try body inside try/except* with finally
def g():
    try:
        return "ret"
    except* ValueError:
        pass
    finally:
        print("fin runs")
print(g())

# loops inside handlers with break/continue are fine
try:
    raise ExceptionGroup("l", [ValueError(i) for i in range(4)])
except* ValueError as eg:
    for e in eg.exceptions:
        if e.args[0] == 1: continue
        if e.args[0] == 3: break
        print("loop", e)

# exc_info in handler and after
try:
    raise ExceptionGroup("x", [ValueError()])
except* ValueError as g:
    print(sys.exc_info()[1] is g)
print(sys.exc_info())

# inside an except handler: context of unmatched rest
try:
    raise KeyError("first")
except KeyError:
    try:
        try:
            raise ExceptionGroup("y", [ValueError(1), TypeError(2)])
        except* ValueError:
            raise IndexError("new")
    except BaseException as e:
        print(repr(e), repr(e.__context__), [repr(x.__context__) for x in e.exceptions])

# exception in type expression
try:
    try:
        raise ExceptionGroup("z", [ValueError()])
    except* undefined_name:
        pass
except NameError as e:
    print("NameError:", e, repr(e.__context__))

# the name is unbound after the handler
try:
    raise ExceptionGroup("u", [ValueError()])
except* ValueError as gone:
    pass
try:
    gone
except NameError as e:
    print(e)

# BaseExceptionGroup with KeyboardInterrupt, naked BaseException wrapping
try:
    raise KeyboardInterrupt("k")
except* KeyboardInterrupt as g:
    print(type(g).__name__, repr(g))
try:
    try:
        raise SystemExit(3)
    except* SystemExit as g:
        raise
except BaseException as e:
    print(repr(e))
# tuple of types
try:
    raise ExceptionGroup("t", [ValueError(1), TypeError(2), KeyError(3)])
except* (ValueError, TypeError) as g:
    print("tuple", repr(g))
except* LookupError as g:
    print("lookup", repr(g))

# except* in a coroutine: awaiting inside a handler suspends and resumes it; a single new
# exception raised by a handler propagates alone (no group around it)
class Aw:
    def __await__(self):
        yield "suspended"
        return 5
async def co():
    try:
        raise ExceptionGroup("a", [ValueError(1), TypeError(2)])
    except* ValueError as g:
        v = await Aw()
        print("after await in handler", v, repr(g))
    except* TypeError as g:
        raise KeyError(await Aw())
c = co()
try:
    while True:
        print(c.send(None))
except BaseException as e:
    print(repr(e), repr(e.__context__))
