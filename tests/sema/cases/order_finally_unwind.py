def f():
    try:
        return 1
        __debug__ = 2
    finally:
        del __debug__
