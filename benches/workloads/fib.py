N = 25
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
a, b = 0, 1
for i in range(N):
    a, b = b, a + b
assert fib(N) == a
