class O:
    def __init__(self, i):
        self.x = i
        self.y = [i, i + 1]
        self.f = lambda: self.x
total = 0
for i in range(200000):
    o = O(i)
    total += o.f() + o.y[1]
