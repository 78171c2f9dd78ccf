for x in y:
    try:
        break
        a, *b, *c = d
    finally:
        __debug__ = 1
