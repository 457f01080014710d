N = 1000000
def run(n):
    total = 0
    for i in range(n):
        a = [i, i + 1]
        f = lambda: a[0] + a[1]
        total = (total + f()) % 1000003
    return total
assert run(N) >= 0
