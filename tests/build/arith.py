a = 7
b = 3
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, -a, ~a)
print(2 ** 100, (2 ** 100) // 3, 1e300 * 10, 0.1 + 0.2)
x = 10
x += 5
x *= 2
print(x, x << 3, x >> 1, x & 6, x | 1, x ^ 3)
print(a < b, a == 7, a != b, 1 < 2 < 3, "ab" < "b")
