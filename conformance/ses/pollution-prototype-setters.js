/*---
spec: ses lockdown.md; ECMA-262 OrdinarySetPrototypeOf, SetImmutablePrototype, B.2.2.1 __proto__
description: >
  Attack: re-parent shared intrinsics so that every compartment inherits attacker objects —
  the `__proto__` setter (assignment and the accessor's setter called directly),
  Object.setPrototypeOf and Reflect.setPrototypeOf on Array.prototype, Function.prototype,
  Math, JSON, Reflect, constructors and %IteratorPrototype%. Frozen objects are not
  extensible: the setters throw a TypeError, Reflect.setPrototypeOf returns false, and every
  [[Prototype]] stays where it was.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
const targets = ["Array.prototype", "Function.prototype", "Math", "JSON", "Reflect", "Array",
  "Promise", "Object.getPrototypeOf(Object.getPrototypeOf([].values()))"];
for (const t of targets) {
  assert.throws(TypeError, () => c.evaluate(`(${t}).__proto__ = { evil: 1 }`), `__proto__ = on ${t}`);
  assert.throws(TypeError, () => c.evaluate(`Object.setPrototypeOf(${t}, { evil: 1 })`), `Object.setPrototypeOf(${t})`);
  assert.sameValue(c.evaluate(`Reflect.setPrototypeOf(${t}, null)`), false, `Reflect.setPrototypeOf(${t})`);
  assert.throws(TypeError, () => c.evaluate(
    `Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").set.call(${t}, null)`),
    `the __proto__ setter called on ${t}`);
}
assert.throws(TypeError, () => c.evaluate("Object.prototype.__proto__ = {}"), "Object.prototype's immutable prototype");
assert.compareArray(c.evaluate(`[
  Object.getPrototypeOf(Array.prototype) === Object.prototype,
  Object.getPrototypeOf(Function.prototype) === Object.prototype,
  Object.getPrototypeOf(Math) === Object.prototype,
  "evil" in []]`), [true, true, true, false], "prototypes unchanged");
