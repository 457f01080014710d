const N = 100000;
// 10^5 promise reactions: a chain of then() callbacks, all pending before any job runs.
let p = Promise.resolve(0);
for (let i = 0; i < N; i++) { p = p.then((v) => v + 1); }
p.then((v) => { if (v !== N) throw new Error("wrong result"); });
