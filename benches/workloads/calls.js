const N = 200000;
const f = (p, q) => p - q;
let s = 0;
for (let i = 0; i < N; i++) { s = s + f(i, 3); }
