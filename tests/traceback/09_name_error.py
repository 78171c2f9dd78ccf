# NameError of a global inside a function
def f():
    return undefined_name + 1
f()
