const N = 3000000;
// 3·10^6 iterations of three assignments to `let` locals of a function.
function run(n) {
  let a = 0, b = 0, c = 0;
  for (let i = 0; i < n; i++) { a = a + i; b = a % 7; c = c + b; }
  return c;
}
if (run(N) < 0) throw new Error("wrong result");
