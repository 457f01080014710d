N = 1000000
class O:
    pass
def run(n):
    o = O()
    o.x = 0; o.y = 0; o.z = 0
    for i in range(n):
        o.x = o.x + 1
    return o.x
assert run(N) == N
