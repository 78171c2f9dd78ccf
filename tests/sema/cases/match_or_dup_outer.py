match x:
    case [a, (1 | 2) as b, (c | c)]:
        pass
