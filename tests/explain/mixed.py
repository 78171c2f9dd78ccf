# explain golden: values that stay dynamic, with their reasons
def pick(flag):
    if flag:
        x = 12
    else:
        x = "twelve"
    return x + x


def call_unknown(f, v):
    return f(v) * 2


def rebound():
    return counter + 1


counter = 0


def bump():
    global counter
    counter = counter + 1


print(pick(True), pick(False), call_unknown(abs, -3), rebound())
bump()
