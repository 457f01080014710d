const N = 100000;
// Sort 10^5 pseudo-random numbers with a comparator.
function run(n) {
  const a = [];
  let x = 12345;
  for (let i = 0; i < n; i++) { x = (x * 1103515245 + 12345) % 2147483648; a.push(x); }
  a.sort((p, q) => p - q);
  for (let i = 1; i < n; i++) if (a[i - 1] > a[i]) throw new Error("not sorted");
  return a.length;
}
run(N);
