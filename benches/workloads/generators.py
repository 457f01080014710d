N = 100000
def count():
    i = 0
    while True:
        yield i
        i += 1
it = count()
s = 0
for i in range(N):
    s += next(it)
assert s == N * (N - 1) // 2
