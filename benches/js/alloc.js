// 10^7 short-lived objects: peak memory must stay bounded (< 300 MB RSS).
var keep = null;
for (var i = 0; i < 10000000; i++) { keep = { i: i, next: keep === null ? null : { prev: i } }; }
keep.i;
