# except* (PEP 654): splitting groups across clauses, naked exceptions wrapped, re-raise vs new
# exceptions, nested groups, invalid clause types, else/finally, inside a coroutine
def show(f):
    try:
        f()
    except BaseException as e:
        print("escaped:", repr(e))

def t1():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("V:", repr(e))
    except* TypeError as e:
        print("T:", repr(e))
    print("after t1")
show(t1)

def t2():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        print("V:", repr(e))
show(t2)

def t3():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked V:", repr(e))
show(t3)

def t4():
    try:
        raise KeyError("naked")
    except* ValueError as e:
        print("no")
show(t4)

def t5():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        raise
show(t5)

def t6():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        raise RuntimeError("new")
show(t6)

def t7():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise
show(t7)

def t8():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("inner", [KeyError(2), ValueError(5)])])
    except* ValueError as e:
        print("nested V:", repr(e))
        raise RuntimeError("r1")
    except* KeyError as e:
        print("nested K:", repr(e))
        raise
show(t8)

def t9():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* ExceptionGroup:
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* 5:
            pass
    except TypeError as e:
        print("TypeError:", e)
t9()

def t10():
    for i in range(2):
        try:
            if i:
                raise ExceptionGroup("x", [OSError(i)])
            print("no exception")
        except* OSError as e:
            print("caught", repr(e))
        else:
            print("else runs")
        finally:
            print("finally", i)
    try:
        pass
    except* ValueError:
        pass
    print("done")
t10()

def t11():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* (ValueError, TypeError) as e:
        print("tuple:", repr(e))
        import sys
        print("exc_info:", repr(sys.exc_info()[1]))
t11()

def t12():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        try:
            raise KeyError("inner")
        except KeyError:
            pass
        print("handled inner; context of new:", end=" ")
        try:
            raise OSError("x")
        except OSError as o:
            print(repr(o.__context__))
show(t12)

async def t13():
    try:
        raise ExceptionGroup("ag", [ValueError("a")])
    except* ValueError as e:
        print("async:", repr(e))
    return "ok"
c = t13()
try:
    c.send(None)
except StopIteration as s:
    print("async result", s.value)

# split / subgroup / derive, with types, tuples and predicates
eg = ExceptionGroup("top", [ValueError(1), ExceptionGroup("sub", [TypeError(2), ValueError(-3)])])
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.split((TypeError, ValueError))[0] is eg), eg.split(KeyError))
print(repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] < 0)))
print(eg.subgroup(lambda e: e is eg) is eg, repr(eg.derive([KeyError("k")])))
try:
    eg.split(5)
except TypeError as e:
    print("TypeError:", e)
