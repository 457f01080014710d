/*---
spec: ECMA-262 PerformPromiseThen, NewPromiseReactionJob; 4-compartment.md
description: >
  Attack: communicate through a promise the host passes from compartment a to compartment b.
  b's reactions are b's functions and run in b (their globalThis is b's); a, which settles
  the promise, observes nothing of b's reactions (a's own reactions see only the value a
  resolved with), and neither sees the start global.
flags: [onlyStrict, async]
features: [Compartment, lockdown]
includes: [asyncHelpers.js, compareArray.js]
---*/
lockdown();
const a = new Compartment();
const b = new Compartment();
const promise = a.evaluate(`
  let settle;
  const p = new Promise(resolve => { settle = resolve; });
  globalThis.settle = settle;
  globalThis.aSaw = [];
  p.then(v => aSaw.push(v, globalThis));
  p;
`);
b.globalThis.promise = promise;
const fromB = b.evaluate(`promise.then(v => [v, globalThis])`);
a.globalThis.settle("value");
asyncTest(async function () {
  const [value, home] = await fromB;
  assert.sameValue(value, "value", "b got the value");
  assert.sameValue(home, b.globalThis, "b's reaction ran in b");
  assert.compareArray(a.globalThis.aSaw, ["value", a.globalThis], "a's reaction ran in a and saw only its value");
});
