const N = 100000;
// 10^5 steps of one generator.
function* count() { let i = 0; while (true) yield i++; }
const it = count();
let sum = 0;
for (let i = 0; i < N; i++) sum += it.next().value;
if (sum !== N * (N - 1) / 2) throw new Error("wrong result");
