# random: subclasses (random-only / getrandbits-only), SystemRandom, version-1 seeds
import random
class R(random.Random):
    def random(self):
        return 0.7
class G(random.Random):
    def getrandbits(self, k):
        return 3 % (1 << k) if k else 0
class Both(R):
    def getrandbits(self, k):
        return 1
print(R(1).randrange(10), R(1).choice("abcdef"), G().randrange(10), Both().randrange(10))
r = random.Random(5)
x = [r.random() for _ in range(3)]
r.seed(5)
print(x == [r.random() for _ in range(3)], r.randbytes(3), random.Random("x").random())
s = random.SystemRandom()
print(0 <= s.random() < 1, 0 <= s.randrange(10) < 10, s.getrandbits(70) < 2 ** 70)
try:
    s.getstate()
except NotImplementedError as e:
    print(e)
print(random.Random(1.5).random(), random.Random(b"ab").random(), random.Random(0).random())
r.seed("ab", version=1)
print(r.random())
r.seed(b"\xff\x00", version=1)
print(r.random(), r.getstate()[1][:3])
