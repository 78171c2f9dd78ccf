# a call that spans several lines gets no marks
def boom(a, b):
    return a % b
result = boom(
    10,
    0,
)
