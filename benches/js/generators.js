// 100,000 generators suspended at once (each has started and yielded), then each resumed
// once: every live suspended generator keeps its native stack (docs/ARCHITECTURE.md,
// "Suspension"), so this measures the memory that costs (peak RSS).
function* counter(i) { var n = i; while (true) { yield n++; } }
var live = [];
for (var i = 0; i < 100000; i++) { var g = counter(i); g.next(); live.push(g); }
var sum = 0;
for (var i = 0; i < live.length; i++) sum += live[i].next().value;
if (sum !== 5000050000) throw new Error("wrong sum " + sum);
