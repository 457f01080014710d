/*---
spec: ses lockdown.md; ECMA-262 ValidateAndApplyPropertyDescriptor on frozen objects
description: >
  Attack: pollute shared intrinsics with Object.defineProperty, Object.defineProperties,
  Reflect.defineProperty, `__defineGetter__` / `__defineSetter__`, or by turning an existing
  data property into an accessor (a getter that would run attacker code in every
  compartment). On frozen intrinsics Object.defineProperty throws a TypeError and
  Reflect.defineProperty returns false; nothing is defined.
flags: [onlyStrict]
features: [Compartment, lockdown]
includes: [compareArray.js]
---*/
lockdown();
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate("Object.defineProperty(Array.prototype, 'map', { get() { return 1; } })"),
  "defineProperty: a data property to an accessor");
assert.throws(TypeError, () => c.evaluate("Object.defineProperty(Object.prototype, 'then', { value() {} })"),
  "defineProperty: a thenable Object.prototype");
assert.throws(TypeError, () => c.evaluate("Object.defineProperties(JSON, { parse: { value: null } })"),
  "defineProperties");
assert.throws(TypeError, () => c.evaluate("Object.prototype.__defineGetter__.call(Array.prototype, 'x', () => 1)"),
  "__defineGetter__");
assert.throws(TypeError, () => c.evaluate("Object.prototype.__defineSetter__.call(Object.prototype, 'y', v => v)"),
  "__defineSetter__");
assert.compareArray(c.evaluate(`[
  Reflect.defineProperty(Array.prototype, "map", { value: 1 }),
  Reflect.defineProperty(Object.prototype, "fresh", { value: 1 }),
  Reflect.defineProperty(Math, "PI", { value: 3 }),
  Reflect.defineProperty(Function.prototype, "call", { get() {} }),
]`), [false, false, false, false], "Reflect.defineProperty refuses");
assert.sameValue(Object.prototype.then, undefined, "no then on Object.prototype");
assert.sameValue(Math.PI, 3.141592653589793, "Math.PI unchanged");
