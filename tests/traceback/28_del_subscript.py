# del of a missing key
d = {}
del d["zz"]
