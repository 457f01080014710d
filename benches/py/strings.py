s = ""
for i in range(20000):
    s += "x" + str(i)
t = ""
for j in range(20000):
    t = f"{j}:{len(t)}"
