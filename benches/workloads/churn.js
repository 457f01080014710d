const N = 1000000;
// 10^6 short-lived arrays and closures.
function run(n) {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const a = [i, i + 1];
    const f = () => a[0] + a[1];
    total = (total + f()) % 1000003;
  }
  return total;
}
if (run(N) < 0) throw new Error("wrong result");
