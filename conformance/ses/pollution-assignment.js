/*---
spec: ses lockdown.md ("harden every intrinsic"); informal S2 ses-lockdown step 6
description: >
  Attack: pollute shared intrinsics by assignment from a compartment — replace a method
  (Array.prototype.map, JSON.parse, Math.max, Promise.resolve, String.prototype.slice), add a
  property (Object.prototype.polluted, Array.prototype.evil), replace a constructor on a
  prototype, delete a method. Every intrinsic is frozen, so in strict code each assignment,
  addition and deletion throws a TypeError and nothing changes for anyone.
flags: [onlyStrict]
features: [Compartment, lockdown]
---*/
lockdown();
const c = new Compartment();
const attacks = [
  "Array.prototype.map = function () { return 'pwned'; }",
  "JSON.parse = () => ({})",
  "Math.max = () => 0",
  "Promise.resolve = () => null",
  "String.prototype.slice = () => ''",
  "Object.prototype.polluted = 1",
  "({}).__proto__.polluted2 = 1",
  "Array.prototype.evil = 1",
  "Array.prototype.constructor = Object",
  "Object.keys = () => []",
  "Reflect.ownKeys = () => []",
  "delete Array.prototype.map",
  "delete Object.prototype.hasOwnProperty",
  "delete JSON.stringify",
];
for (const attack of attacks) {
  assert.throws(TypeError, () => c.evaluate(attack), attack);
}
assert.sameValue([1, 2].map(x => x * 2).join(), "2,4", "Array.prototype.map unchanged");
assert.sameValue(JSON.parse("[1]")[0], 1, "JSON.parse unchanged");
assert.sameValue("polluted" in {}, false, "no polluted property");
assert.sameValue("evil" in [], false, "no evil property");
assert.sameValue(typeof Object.prototype.hasOwnProperty, "function", "not deleted");
