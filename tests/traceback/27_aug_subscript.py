# an augmented assignment through a subscript
d = {"a": [1]}
d["a"][0] += "x"
