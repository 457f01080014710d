# 10^6 element writes then 10^6 element reads on an array('d') (benches/js/typed_array.js).
from array import array

n = 1000000
a = array('d', bytes(8 * 1024))
for i in range(n):
    a[i & 1023] = i * 0.5
total = 0.0
for i in range(n):
    total += a[i & 1023]
