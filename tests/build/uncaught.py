def inner():
    return 1 / 0

print("before")
inner()
