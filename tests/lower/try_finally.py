def f(xs):
    for x in xs:
        try:
            if x:
                break
        except ValueError as e:
            continue
        finally:
            g()
