match x:
    case 1:
        return
