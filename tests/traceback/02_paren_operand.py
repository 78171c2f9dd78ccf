# the operator anchor after a parenthesised left operand, and a two-character operator
def f(a, b, c):
    return (a + b) // c
x = f(1, 2, 3)
y = 10 // (x - 1)
