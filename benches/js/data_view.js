// 10^6 setFloat64 then 10^6 getFloat64 on a DataView (benches/py/data_view.py does the same
// with python3's struct.pack_into / unpack_from on a bytearray).
var n = 1000000;
var view = new DataView(new ArrayBuffer(8192));
for (var i = 0; i < n; i++) { view.setFloat64((i & 1023) * 8, i * 0.5, true); }
var total = 0;
for (var i = 0; i < n; i++) { total += view.getFloat64((i & 1023) * 8, true); }
total;
