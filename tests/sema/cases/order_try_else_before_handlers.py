try:
    pass
except E:
    __debug__ = 1
else:
    yield
