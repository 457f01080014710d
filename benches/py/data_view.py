# 10^6 little-endian float64 writes then reads with struct on a bytearray
# (benches/js/data_view.js).
import struct

n = 1000000
buf = bytearray(8192)
for i in range(n):
    struct.pack_into('<d', buf, (i & 1023) * 8, i * 0.5)
total = 0.0
for i in range(n):
    total += struct.unpack_from('<d', buf, (i & 1023) * 8)[0]
