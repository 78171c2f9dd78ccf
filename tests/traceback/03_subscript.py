# IndexError and KeyError from subscripts, nested in calls
data = {"a": [1, 2, 3]}
def get(k, i):
    return data[k][i]
print(get("a", 1))
print(len(str(get("a", 7))))
