N = 3000000
a = b = c = 0
i = 0
while i < N:
    a = a + i
    b = a % 7
    c = c + b
    i += 1
assert c >= 0
