const N = 300000;
// String `+=` of "x" + i until the string has 300,000 characters (about 54,000 appends).
function run(n) {
  let s = "";
  let i = 0;
  while (s.length < n) { s += "x" + i; i++; }
  return s.length;
}
if (run(N) < N) throw new Error("wrong result");
