N = 100000
def run(n):
    a = []
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        a.append(x)
    a.sort(key=lambda p: p)
    for i in range(1, n):
        if a[i - 1] > a[i]:
            raise Exception("not sorted")
    return len(a)
run(N)
