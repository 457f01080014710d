N = 1000000
def run(n):
    s = ""
    for i in range(n):
        s += "x"
    return len(s)
assert run(N) == N
