d={}; d.update({12:-3,5:10}); d.update({19:-2,7:12,1:0}); d.popitem(); d[23]=12; d.popitem(); d.popitem(); d[13]=23; d[22]=-2; print(2 in d, d)
e = {}
for i in range(1000):
    e[i] = i
    if i % 3: e.popitem()
print(len(e), list(e)[:5], 5 in e)
