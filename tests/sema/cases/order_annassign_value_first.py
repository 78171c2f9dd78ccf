x.y: (yield) = (await z)
