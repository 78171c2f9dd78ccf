y = f"{x"
