# For loops over a generator that a generator function's call makes right there: the loop
# resumes the body directly (codegen.c gen_next_known) instead of through rt_gen_next.  What
# rt_gen_next did that a program can see must stay: the exhausted and running states, the
# handled exception inside the body, PEP 479, the recursion level, the generator closed when a
# loop is left early, and generators used any other way (send, throw, close, next, two loops
# alternating, re-entrancy).  Expected output: python3.
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def big_steps(n):
    x = 2**62
    for _ in range(n):
        yield x
        x *= 2


def sum_count(n):
    t = 0
    for v in count(n):
        t += v
    return t


def sum_big(n):
    t = 0
    for v in big_steps(n):
        t += v
    return t


def returns_value(n):
    for i in range(n):
        yield i
    return "ignored"


def loop_returns(n):
    out = []
    for v in returns_value(n):
        out.append(v)
    return out


def raises_midway(n):
    for i in range(n):
        if i == 2:
            raise KeyError("at %d" % i)
        yield i


def loop_raises(n):
    seen = []
    try:
        for v in raises_midway(n):
            seen.append(v)
    except KeyError as e:
        seen.append(("caught", str(e)))
    return seen


def leaks_stop(n):
    yield n
    raise StopIteration("inner")


def loop_pep479(n):
    seen = []
    try:
        for v in leaks_stop(n):
            seen.append(v)
    except RuntimeError as e:
        seen.append((type(e).__name__, str(e), type(e.__cause__).__name__))
    return seen


log = []


def with_finally(n):
    try:
        for i in range(n):
            log.append("yield %d" % i)
            yield i
    finally:
        log.append("finally")


def loop_break(n, stop):
    t = 0
    for v in with_finally(n):
        if v == stop:
            break
        t += v
    log.append("after loop")
    return t


def exc_inside(n):
    for i in range(n):
        try:
            raise ValueError("inner %d" % i)
        except ValueError:
            yield sys.exc_info()[1]
            yield sys.exc_info()[1]
        yield sys.exc_info()[1]


def loop_exc_state(n):
    out = []
    try:
        raise TypeError("outer")
    except TypeError:
        for e in exc_inside(n):
            out.append(repr(e))
            out.append(repr(sys.exc_info()[1]))
    out.append(repr(sys.exc_info()[1]))
    return out


def inner(n):
    yield from count(n)
    yield -1


def loop_yield_from(n):
    return [v for v in inner(n)] + [sum(1 for _ in inner(n))]


def loop_delegating(n):
    out = []
    for v in inner(n):
        out.append(v)
    return out


def deep_gen(k):
    yield recurse(k)


def recurse(k):
    if k == 0:
        return 0
    t = 0
    for v in deep_gen(k - 1):
        t += v + 1
    return t


def probe_limit():
    k = 10
    while True:
        try:
            recurse(k)
        except RecursionError as e:
            return "recursion error " + str(e)
        k *= 2
        if k > 100000:
            return "no recursion error"


def alternate(n):
    a = count(n)
    b = count(n)
    out = []
    for x in a:
        out.append(x)
        for y in b:
            out.append(-y)
            break
    return out


def protocol():
    out = []
    g = count(5)
    out.append(next(g))
    out.append(g.send(None))
    try:
        g.throw(ValueError("thrown"))
    except ValueError as e:
        out.append(str(e))
    out.append(list(g))
    g = with_finally(3)
    out.append(next(g))
    g.close()
    out.append(list(log))
    log.clear()
    return out


def selfish():
    yield 1
    try:
        next(me)
    except ValueError as e:
        yield str(e)


me = selfish()


def reentrant():
    return [v for v in me]


def loop_in_generator(n):
    for v in count(n):
        yield v * 10


def nested(n):
    t = []
    for v in loop_in_generator(n):
        t.append(v)
    return t


def raiser_gen():
    yield 1
    raise ValueError("in gen")


def loop_context():
    try:
        raise TypeError("outer")
    except TypeError:
        try:
            for v in raiser_gen():
                pass
        except ValueError as e:
            return repr(e), repr(e.__context__)


def helper_catches(i):
    try:
        return 10 // i
    except ZeroDivisionError:
        return -1


def no_handler_gen(n):
    for i in range(n):
        yield helper_catches(i), repr(sys.exc_info()[1])


def loop_no_handler(n):
    out = [v for v in no_handler_gen(n)]
    try:
        raise KeyError("k")
    except KeyError:
        for v in no_handler_gen(n):
            out.append(v)
    return out


def fin_gen():
    try:
        yield 1
        raise KeyError("fin")
    finally:
        yield repr(sys.exc_info()[1])


def loop_finally():
    out = []
    try:
        for v in fin_gen():
            out.append(v)
            out.append(repr(sys.exc_info()[1]))
    except KeyError as e:
        out.append("raised " + repr(e))
    return out


print(loop_context())
print(loop_no_handler(2))
print(loop_finally())
print(sum_count(10), sum_count(0))
print(sum_big(4))
print(loop_returns(3))
print(loop_raises(5))
print(loop_pep479(7))
print(loop_break(5, 2), log)
log.clear()
print(loop_break(3, 99), log)
log.clear()
for line in loop_exc_state(2):
    print(line)
print(loop_yield_from(3), loop_delegating(2))
print(probe_limit())
print(alternate(3))
print(protocol())
print(reentrant())
print(nested(4))
