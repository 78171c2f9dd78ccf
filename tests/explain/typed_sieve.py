# A sieve in typed code: [x] * n (list.repeat), list stores and loads by int indexes,
# enumerate in a comprehension (a counted loop over the list), slices (list.slice / list.setslice).


def primes_up_to(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    if limit >= 1:
        is_prime[1] = False
    i = 2
    while i * i <= limit:
        if is_prime[i]:
            for multiple in range(i * i, limit + 1, i):
                is_prime[multiple] = False
        i += 1
    return [n for n, flag in enumerate(is_prime) if flag]


def flip(deck, k):
    deck[:k] = deck[k - 1::-1]
    return deck[0]


def main():
    ps = primes_up_to(100)
    print(len(ps), ps[-3:])
    print(flip([3, 1, 2, 4], 3), flip(ps[:5], 4))


main()
