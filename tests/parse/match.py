match x:
    case 1:
        pass
    case -1:
        pass
    case 1.5 | -2.5:
        pass
    case 1+2j:
        pass
    case -1-2j:
        pass
    case 3j:
        pass
    case "s" "t":
        pass
    case b"b":
        pass
    case None:
        pass
    case True | False:
        pass
    case a:
        pass
    case _:
        pass
    case a.b:
        pass
    case a.b.c:
        pass
    case (a):
        pass
    case (a, b):
        pass
    case [a, b, *rest]:
        pass
    case [*_, last]:
        pass
    case []:
        pass
    case ():
        pass
    case (a,):
        pass
    case {}:
        pass
    case {"k": v, 1: w, a.b: c}:
        pass
    case {"k": v, **rest}:
        pass
    case {**rest}:
        pass
    case Point():
        pass
    case Point(1, 2):
        pass
    case Point(x=1, y=2):
        pass
    case Point(1, y=2,):
        pass
    case a.B(c, d=e):
        pass
    case [Point(x=0, y=0) | Point(x=1) as p, *_] as whole:
        pass
    case x if x > 0:
        pass
    case 1, 2:
        pass
    case *a, b:
        pass
    case (1 | 2) as n:
        pass
match (a, b):
    case _: pass
match a, b:
    case _: pass
match a, *b:
    case _: pass
match -x:
    case _: pass
match = 1
match.x = 2
case = 3
_ = 4
match(x)
match[x]
