const N = 200000;
// The shape of test262's generated property-escape tests (harness/regExpUtils.js): N code
// points from U+FF00 on collected into an array in chunks of 10,000 (the array truncated
// after each chunk), each chunk made a String by String.fromCodePoint.apply, the chunks
// concatenated, then one `/^\P{ASCII}*$/u.test` of the whole String.
function build(start, end) {
  const size = 10000;
  let result = "";
  let points = [];
  for (let n = 0, p = start; p <= end; p++) {
    points[n++] = p;
    if (n === size) {
      result += String.fromCodePoint.apply(null, points);
      points.length = n = 0;
    }
  }
  return result + String.fromCodePoint.apply(null, points);
}
const text = build(0xff00, 0xff00 + N - 1);
if (!/^\P{ASCII}*$/u.test(text)) throw new Error("wrong result");
