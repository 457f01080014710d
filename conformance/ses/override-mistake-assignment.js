/*---
spec: ses lockdown.md ("overrideTaming", moderate); informal S5 ses-override-taming
description: >
  After lockdown the intrinsics are frozen, which (the "override mistake") would make
  `o.toString = f` throw on every object inheriting toString. overrideTaming moderate turns
  such properties into accessors, so that assigning them on an ordinary object, function,
  error, array or promise still works (creating an own writable, enumerable, configurable
  data property), while assigning on the intrinsic itself throws a TypeError — the attack
  the taming must not let through.
flags: [onlyStrict]
features: [Compartment, lockdown]
reading: ses-override-taming
includes: [compareArray.js, propertyHelper.js]
---*/
lockdown();
const c = new Compartment();
const o = c.evaluate(`
  const o = {};
  o.toString = () => "mine";
  o.valueOf = () => 42;
  o.constructor = "mine too";
  o;
`);
assert.sameValue(`${o}`, "mine", "toString overridden on the instance");
assert.sameValue(o + 0, 42, "valueOf overridden");
verifyProperty(o, "toString", { writable: true, enumerable: true, configurable: true }, { restore: true });
assert.compareArray(c.evaluate(`
  const f = function () {};
  f.call = 1; f.apply = 2; f.bind = 3; f.toString = 4; f.constructor = 5;
  const e = new TypeError("m");
  e.name = "Mine"; e.message = "changed";
  const a = [];
  a.push = 6; a.concat = 7; a.toString = 8;
  const p = Promise.resolve();
  p.then = 9;
  [f.call, f.apply, f.bind, f.toString, f.constructor, e.name, e.message, a.push, a.concat, a.toString, p.then];
`), [1, 2, 3, 4, 5, "Mine", "changed", 6, 7, 8, 9], "instances take their own values");
for (const attack of [
  "Object.prototype.toString = () => 'pwned'",
  "Object.prototype.valueOf = () => 0",
  "Function.prototype.call = () => 'pwned'",
  "Error.prototype.toString = () => 'pwned'",
  "TypeError.prototype.name = 'pwned'",
  "Array.prototype.push = () => 0",
  "Promise.prototype.then = () => 0",
]) {
  assert.throws(TypeError, () => c.evaluate(attack), attack);
}
assert.sameValue(Object.prototype.toString.call([]), "[object Array]", "the intrinsic is unchanged");
assert.sameValue(new TypeError("x").name, "TypeError", "TypeError.prototype.name unchanged");
