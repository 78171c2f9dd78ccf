# an explicit raise in a nested call
def check(v):
    if v < 0:
        raise ValueError(f"negative: {v}")
    return v
def run(vals):
    return [check(v) for v in vals]
run([1, -2])
