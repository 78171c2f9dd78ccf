# The typed tier on exact lists: inline subscripts with small int indexes (negative from the
# end, IndexError messages), len() of a list.
def f(n):
    a = [0] * n
    for i in range(n):
        a[i] = i * i
    a[-1] = 7
    s = 0
    for i in range(len(a)):
        s = s + a[i] + a[-i - 1]
    try:
        a[n] = 1
    except IndexError as e:
        print("IndexError:", e)
    try:
        print(a[-n - 1])
    except IndexError as e:
        print("IndexError:", e)
    return s, a


print(f(5))
