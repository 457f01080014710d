// 10^6 element writes then 10^6 element reads on a Float64Array (benches/py/typed_array.py
// does the same with python3's array module).
var n = 1000000;
var a = new Float64Array(1024);
for (var i = 0; i < n; i++) { a[i & 1023] = i * 0.5; }
var total = 0;
for (var i = 0; i < n; i++) { total += a[i & 1023]; }
total;
