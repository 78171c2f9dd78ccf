GREETING = "hi from helper"
def double(x):
    return 2 * x
