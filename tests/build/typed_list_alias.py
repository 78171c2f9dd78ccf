# typed tier (elems.c): lists whose items change type through aliases, unknown code, closures,
# attributes, globals, slices, extend, +=, insert, nested lists; expected output from python3.
# Lists whose items change type through paths inference must not miss.
def unknown(lst):
    lst.append("str")

def via_unknown(n):
    x = [1.0] * n
    g = globals_holder[0]
    g(x)
    t = 0.0
    for v in x:
        t = t + (v if isinstance(v, float) else 100.0)
    return t, x[-1]

globals_holder = [unknown]

class Box:
    pass

def via_attr(n):
    x = [2.5] * n
    b = Box()
    b.items = x
    b.items.append("a")
    return x[n] + "!"

def via_alias(n):
    x = [1] * n
    y = x
    y[0] = "zero"
    return x[0] + "?"

def via_closure(n):
    x = [0.5] * n
    def mutate():
        x.append([1, 2])
    mutate()
    return x[-1][1] + 1

def via_slice(n):
    x = [1.5] * n
    x[:] = ["a", "b"]
    return x[0] + x[1]

def via_extend(n):
    x = [3.0] * n
    x.extend(["e"])
    return x[-1] * 2

def via_iadd(n):
    x = [4] * n
    x += ["f"]
    return x[-1] + "g"

def via_insert(n):
    x = [1.0, 2.0]
    x.insert(0, None)
    return x[0] is None

def nested(n):
    m = [[0.0] * n for _ in range(n)]
    row = m[0]
    row[0] = "s"
    return m[0][0] + "t"

def via_return(n):
    x = [1.0] * n
    return x

def user_of_return(n):
    x = via_return(n)
    x.append("r")
    return x[-1] + "s"

def via_global(n):
    global G
    x = [1] * n
    G = x
    mutate_g()
    return x[-1] + "u"

def mutate_g():
    G.append("v")

def via_dict(n):
    x = [1] * n
    d = {"k": x}
    d["k"].append("w")
    return x[-1] + "x"

def via_tuple(n):
    x = [1] * n
    t = (x, 1)
    t[0][0] = "y"
    return x[0] + "z"

def via_sort_key(n):
    x = [[3.0], [1.0], [2.0]]
    def key(e):
        e.append("k")
        return e[0]
    x.sort(key=key)
    return x[0][-1] + "!"

def via_bound_method(n):
    x = [1.0] * n
    app = x.append
    app("m")
    return x[-1] + "n"

def via_pop_mixed(n):
    x = [1] * n
    x.append(2.5)
    a = x.pop()
    return a + 0.25

def via_self(n):
    x = [1.0]
    x.append(x)
    return len(x[1])

def via_comprehension(n):
    x = [i * 0.5 for i in range(n)]
    y = x + ["c"]
    return y[-1] + "d", x[1] + 1.0

def via_param(lst):
    lst[0] = "p"

def caller_param(n):
    x = [1.0] * n
    via_param(x)
    return x[0] + "q"

def via_for_alias(n):
    rows = [[1.0] * n, [2.0] * n]
    for r in rows:
        r.append("it")
    return rows[0][-1] + "!"

def ok_float(n):
    x = [0.0] * n
    for i in range(n):
        x[i] = i * 1.5
    s = 0.0
    for v in x:
        s += v
    return s, x[-1] * 2.0, len(x)

def ok_int(n):
    c = [0] * n
    for k in range(100):
        c[k % n] += k
    return c[0] + c[-1], sum(c)

def ok_bool(n):
    p = [True] * n
    p[0] = False
    k = 0
    for i in range(n):
        if p[i]:
            k += 1
    return k

def main():
    try:
        print('via_unknown', via_unknown(3))
    except Exception as e:
        print('via_unknown', type(e).__name__, e)
    try:
        print('via_attr', via_attr(3))
    except Exception as e:
        print('via_attr', type(e).__name__, e)
    try:
        print('via_alias', via_alias(3))
    except Exception as e:
        print('via_alias', type(e).__name__, e)
    try:
        print('via_closure', via_closure(3))
    except Exception as e:
        print('via_closure', type(e).__name__, e)
    try:
        print('via_slice', via_slice(3))
    except Exception as e:
        print('via_slice', type(e).__name__, e)
    try:
        print('via_extend', via_extend(3))
    except Exception as e:
        print('via_extend', type(e).__name__, e)
    try:
        print('via_iadd', via_iadd(3))
    except Exception as e:
        print('via_iadd', type(e).__name__, e)
    try:
        print('via_insert', via_insert(3))
    except Exception as e:
        print('via_insert', type(e).__name__, e)
    try:
        print('nested', nested(3))
    except Exception as e:
        print('nested', type(e).__name__, e)
    try:
        print('user_of_return', user_of_return(3))
    except Exception as e:
        print('user_of_return', type(e).__name__, e)
    try:
        print('via_global', via_global(3))
    except Exception as e:
        print('via_global', type(e).__name__, e)
    try:
        print('via_dict', via_dict(3))
    except Exception as e:
        print('via_dict', type(e).__name__, e)
    try:
        print('via_tuple', via_tuple(3))
    except Exception as e:
        print('via_tuple', type(e).__name__, e)
    try:
        print('via_sort_key', via_sort_key(3))
    except Exception as e:
        print('via_sort_key', type(e).__name__, e)
    try:
        print('via_bound_method', via_bound_method(3))
    except Exception as e:
        print('via_bound_method', type(e).__name__, e)
    try:
        print('via_pop_mixed', via_pop_mixed(3))
    except Exception as e:
        print('via_pop_mixed', type(e).__name__, e)
    try:
        print('via_self', via_self(3))
    except Exception as e:
        print('via_self', type(e).__name__, e)
    try:
        print('via_comprehension', via_comprehension(3))
    except Exception as e:
        print('via_comprehension', type(e).__name__, e)
    try:
        print('caller_param', caller_param(3))
    except Exception as e:
        print('caller_param', type(e).__name__, e)
    try:
        print('via_for_alias', via_for_alias(3))
    except Exception as e:
        print('via_for_alias', type(e).__name__, e)
    try:
        print('ok_float', ok_float(3))
    except Exception as e:
        print('ok_float', type(e).__name__, e)
    try:
        print('ok_int', ok_int(3))
    except Exception as e:
        print('ok_int', type(e).__name__, e)
    try:
        print('ok_bool', ok_bool(3))
    except Exception as e:
        print('ok_bool', type(e).__name__, e)
    print(via_unknown(2), via_alias(4), ok_float(5), ok_int(7), ok_bool(9))
    try:
        print(ok_float(0))
    except IndexError as e:
        print('IndexError', e)

main()
