N = 3000000
def run(n):
    a = b = c = 0
    for i in range(n):
        a = a + i
        b = a % 7
        c = c + b
    return c
assert run(N) >= 0
