match x:
    case {1e300: a, 1e300: b}:
        pass
