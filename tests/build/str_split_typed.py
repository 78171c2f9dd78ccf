# s.split / s.rsplit / s.splitlines of an exact str make a new list of strs: its items are
# typed where the list is followed (iteration, indexing, methods of the items), and the list
# stays an ordinary list everywhere else (mutation with other types, escapes, errors).


def count_words(text):
    counts = {}
    for token in text.lower().split():
        word = token.strip(".,;:!?")
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts


def lengths(text):
    total = 0
    for line in text.splitlines():
        total += len(line) + line.count("a")
    return total


def mixed(text):
    parts = text.split(",")
    parts.append(42)           # the list's items are no longer only strs
    parts[0] = None
    return [type(p).__name__ for p in parts]


def keep(lst):
    return lst


class S(str):
    def split(self, sep=None, maxsplit=-1):
        return ["overridden"]


def main():
    print(sorted(count_words("The cat. The dog, the END! and  the\tcat\n").items()))
    print(count_words(""), count_words("   \n\t "))
    print(lengths("alpha\nbeta\r\ngamma\rdelta\n\nlast"), lengths(""))
    print(mixed("a,b,c"), mixed(""))
    words = "x y  z".split(" ")
    print(words, len(words), words[1] == "y", words[-1].upper())
    print("a:b:c:d".split(":", 2), "a:b:c:d".rsplit(":", 1), "a b c".rsplit(None, 1))
    print("one\ntwo\r\n".splitlines(True), "one\ntwo\r\n".splitlines())
    first, *rest = "k=v=w".split("=")
    print(first, rest)
    held = keep("p q".split())
    held.append(3.5)
    print(held, [x * 2 for x in "ab cd".split()])
    print("s p l i t".split()[::2], "".split(","), "abc".split("abc"))
    print(S("a b").split(), type(S("a b").split()[0]).__name__)
    try:
        "abc".split("")
    except ValueError as e:
        print("ValueError:", e)
    try:
        "abc".split(1)
    except TypeError as e:
        print("TypeError:", e)
    total = 0
    for piece in ("é,ü," * 3).split(","):
        total += len(piece)
        if piece:
            total += ord(piece)
    print(total)


main()
