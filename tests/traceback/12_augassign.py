# augmented assignment and a call on a line with other code
total = 0
for word in ["a", "b"]:
    total += word
