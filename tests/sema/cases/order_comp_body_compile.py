[__debug__ for x in (await y)]
