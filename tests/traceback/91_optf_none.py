# float|None arithmetic compiled with a None check: an uncaught TypeError keeps CPython's
# message, frames and caret marks.
def nearest(k):
    return None if k > 1 else k * 0.5


def scale(t, s):
    return 1.0 + t * s


print(scale(nearest(1), 2.0))
print(scale(nearest(2), 2.0))
