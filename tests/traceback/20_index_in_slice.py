# a subscript whose value is a call and whose slice is an expression
def row(i):
    return [i, i + 1]
print(row(1)[1 + 1])
