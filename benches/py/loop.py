total = 0
for i in range(1000000):
    total = (total + i * 2) % 1000003
