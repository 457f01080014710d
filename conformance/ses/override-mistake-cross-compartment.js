/*---
spec: ses lockdown.md ("overrideTaming"); informal S5 ses-override-taming
description: >
  An override made by one compartment stays on its own object: compartment a assigns
  toString, constructor and then on its objects (allowed by the override taming), and
  compartment b's objects (and the start's) still inherit the shared, unchanged methods.
  An object of a's that b is given carries a's own properties, visibly own.
flags: [onlyStrict]
features: [Compartment, lockdown]
reading: ses-override-taming
includes: [compareArray.js]
---*/
lockdown();
const a = new Compartment();
const b = new Compartment();
const fromA = a.evaluate(`
  const mine = {};
  mine.toString = () => "a's";
  const p = Promise.resolve(1);
  p.then = () => "a's then";
  ({ mine, p });
`);
b.globalThis.fromA = fromA;
assert.compareArray(b.evaluate(`[
  String({}), Promise.resolve(1).then === Promise.prototype.then, String(fromA.mine),
  Object.prototype.hasOwnProperty.call(fromA.mine, "toString"), fromA.p.then()]`),
  ["[object Object]", true, "a's", true, "a's then"], "b's objects are unaffected");
assert.sameValue(String({}), "[object Object]", "the start's objects too");
