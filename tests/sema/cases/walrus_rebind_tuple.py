[(a := 1) for a, b in pairs]
