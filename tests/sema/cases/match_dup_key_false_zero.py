match x:
    case {False: a, 0: b}:
        pass
