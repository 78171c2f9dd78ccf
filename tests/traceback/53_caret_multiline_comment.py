a, b = 1, "s"
r = (a  # left operand
     + b)
