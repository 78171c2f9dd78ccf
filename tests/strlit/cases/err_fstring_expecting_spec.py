y = f"{x:{y}"
