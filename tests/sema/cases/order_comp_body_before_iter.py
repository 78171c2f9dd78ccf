[(yield) for x in (yield from y)]
