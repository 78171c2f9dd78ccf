SHARED = 3.0


def set_shared(v):
    global SHARED
    SHARED = v


def read_shared():
    return SHARED * 2
