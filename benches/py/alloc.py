keep = None
for i in range(10000000):
    keep = {"i": i, "next": None if keep is None else {"prev": i}}
