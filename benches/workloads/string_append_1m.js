const N = 1000000;
// 10^6 one-character appends with `+=`.
function run(n) {
  let s = "";
  for (let i = 0; i < n; i++) { s += "x"; }
  return s.length;
}
if (run(N) !== N) throw new Error("wrong result");
