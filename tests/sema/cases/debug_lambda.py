f = lambda __debug__: 1
