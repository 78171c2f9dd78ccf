lambda *, : 1
