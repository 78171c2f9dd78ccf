def f(x):
    try:
        return 10 // x
    except ZeroDivisionError as e:
        print("caught", type(e).__name__, e)
        return -1
    finally:
        print("finally", x)

print(f(2), f(0))
try:
    raise ValueError("bad value")
except (TypeError, ValueError) as e:
    print("got", repr(e))
try:
    try:
        {}["missing"]
    except KeyError:
        raise
except KeyError as e:
    print("reraised", e)
