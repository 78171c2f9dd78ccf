__debug__ += (yield)
