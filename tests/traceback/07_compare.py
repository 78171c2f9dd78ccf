# TypeError from an ordering comparison
values = [3, "x"]
def smallest(a, b):
    return a if a < b else b
print(smallest(values[0], values[1]))
