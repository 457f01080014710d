// Object and closure churn: short-lived objects, arrays and closures.
var total = 0;
for (var i = 0; i < 200000; i++) {
  var o = { x: i, y: [i, i + 1], f: function () { return this.x; } };
  total += o.f() + o.y[1];
}
total;
