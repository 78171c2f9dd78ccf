match x:
    case {'ab': a, 'a' 'b': b}:
        pass
