def f():
    print(__debug__)
    global __debug__
