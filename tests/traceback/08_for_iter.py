# iterating over an int
def walk(obj):
    for item in obj:
        print(item)
walk([1, 2])
walk(5)
