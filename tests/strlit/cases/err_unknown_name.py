y = f(1, "\N{NOT A NAME}")
