# KeyError in a subscript that covers the whole line is not marked
d = {}
d["missing"]
