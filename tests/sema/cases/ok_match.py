match x:
    case 1 | 2 | 3:
        pass
    case [a, *rest] if a:
        pass
    case {"k": v, 1: w, **kw}:
        pass
    case C(a, b=[_, *_], c=D()) | C(b=[_, *_], a=a, c=D()) if b:
        pass
    case -1 | 1.5 | 2j | -3-4j | None | True | b"x":
        pass
    case {1: _, 2: _} if 0:
        pass
    case y if y:
        pass
    case _:
        pass
match y:
    case _:
        pass
match z:
    case [*_, a] | [a, *_]:
        pass
    case name:
        pass
