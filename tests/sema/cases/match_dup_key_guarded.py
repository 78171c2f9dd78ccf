match x:
    case {1: _, True: _} if 0:
        pass
