var N = 3000000;
// 3·10^6 iterations of three assignments to global `var`s.
var a = 0, b = 0, c = 0;
for (var i = 0; i < N; i++) { a = a + i; b = a % 7; c = c + b; }
if (c < 0) throw new Error("wrong result");
