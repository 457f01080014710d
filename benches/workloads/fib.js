const N = 25;
// Recursive calls: fib(25) (242,785 calls).
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
let a = 0, b = 1;
for (let i = 0; i < N; i++) { const t = a + b; a = b; b = t; }
if (fib(N) !== a) throw new Error("wrong fib");
