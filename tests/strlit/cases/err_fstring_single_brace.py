y = f"a}b"
