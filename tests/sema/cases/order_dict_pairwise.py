{1: (yield), (await x): 2}
