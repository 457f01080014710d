N = 200000
f = lambda p, q: p - q
s = 0
for i in range(N):
    s = s + f(i, 3)
