match x:
    case {1: _, **__debug__}:
        pass
