match x:
    case C(a) | D(b=[_, c]):
        pass
