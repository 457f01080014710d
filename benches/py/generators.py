def counter(i):
    n = i
    while True:
        yield n
        n += 1

live = []
for i in range(100000):
    g = counter(i)
    next(g)
    live.append(g)
total = 0
for g in live:
    total += next(g)
assert total == 5000050000
