lambda __debug__=(yield): 1
