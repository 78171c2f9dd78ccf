total = 0
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    total += i
else:
    print("no break")
print(total)
n = 0
while n < 5:
    n += 1
print(n, "done" if n == 5 else "not")
print(1 and 2, 0 or "x", not 0)
