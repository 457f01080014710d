// String building: concatenation in a loop and template literals.
var s = "";
for (var i = 0; i < 20000; i++) { s += "x" + i; }
var t = "";
for (var j = 0; j < 20000; j++) { t = `${j}:${t.length}`; }
s.length + t.length;
