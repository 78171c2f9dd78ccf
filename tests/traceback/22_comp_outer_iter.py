# the outermost iterable of a comprehension, after other code on the line
xs = [1, 2]; r = [x for x in 5]
