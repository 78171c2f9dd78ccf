def f():
    try:
        return 1
    except* ValueError:
        for x in y:
            break
    finally:
        pass
    try:
        pass
    except ValueError:
        pass
    except:
        pass
    else:
        pass
    finally:
        return 2
