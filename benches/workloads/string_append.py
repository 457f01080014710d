N = 300000
def run(n):
    s = ""
    i = 0
    while len(s) < n:
        s += "x" + str(i)
        i += 1
    return len(s)
assert run(N) >= N
