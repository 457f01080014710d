/*---
spec: ECMA-262 B.2.2.1 Object.prototype.__proto__, SetImmutablePrototype; ses lockdown.md
description: >
  Attack through `__proto__`: the accessor's getter and setter taken out of
  Object.prototype and applied to intrinsics (setter refused with a TypeError: they are not
  extensible), `__proto__` in object literals and assignment on the compartment's own
  objects (allowed: they are its own), Object.prototype.__proto__ itself (immutable and
  frozen). Re-parenting its own objects onto intrinsics gives a compartment no new power:
  the intrinsics stay frozen, and the start's prototypes are the same shared ones.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
assert.compareArray(c.evaluate(`
  const { get, set } = Object.getOwnPropertyDescriptor(Object.prototype, "__proto__");
  const own = {};
  own.__proto__ = Array.prototype;
  const literal = { __proto__: Function.prototype };
  [get.call([]) === Array.prototype, Array.isArray(own) === false, own instanceof Array,
   typeof literal.call, Object.isFrozen(Object.getPrototypeOf(own))];
`), [true, true, true, "function", true], "own objects may be re-parented; intrinsics stay frozen");
assert.throws(TypeError, () => c.evaluate(`
  Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").set.call(Array.prototype, null)`),
  "the setter on an intrinsic");
assert.throws(TypeError, () => c.evaluate("Object.prototype.__proto__ = Array.prototype"),
  "Object.prototype's prototype is immutable");
assert.throws(TypeError, () => c.evaluate(`Object.defineProperty(Object.prototype, "__proto__", { value: 1 })`),
  "the accessor itself cannot be replaced");
assert.throws(TypeError, () => c.evaluate("delete Object.prototype.__proto__"), "nor deleted");
