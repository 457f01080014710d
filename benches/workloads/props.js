const N = 1000000;
// 10^6 property updates on an ordinary object (read, add, write).
function run(n) {
  const o = { x: 0, y: 0, z: 0 };
  for (let i = 0; i < n; i++) { o.x = o.x + 1; }
  return o.x;
}
if (run(N) !== N) throw new Error("wrong result");
