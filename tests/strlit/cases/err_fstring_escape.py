y = f"{x}\x"
