# an except* statement whose clauses leave a rest and raise: the uncaught group is printed
# as CPython does (the last stderr line closes the nested group drawing)
def work():
    raise ExceptionGroup("batch", [ValueError("v"), TypeError("t"), KeyError("k")])
def main():
    try:
        work()
    except* ValueError:
        raise RuntimeError("handler failed")
    except* TypeError:
        print("handled T")
main()
